//! The JWT signing secret: `COOPHUB_JWT_SECRET` when set; otherwise a random
//! 256-bit secret created once in the data directory (mode 0600) and reused,
//! so that tokens survive restarts of a single instance.

use std::io::Write;
use std::path::Path;

use rand::RngCore;

/// File name of the generated secret inside the data directory.
const SECRET_FILE: &str = "jwt_secret";

/// The secret bytes to sign tokens with.
pub(crate) fn load_or_create(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = configured {
        return Ok(secret.as_bytes().to_vec());
    }
    let path = data_dir.join(SECRET_FILE);
    match std::fs::read_to_string(&path) {
        Ok(existing) => {
            let secret = existing.trim();
            anyhow::ensure!(
                secret.len() >= 64,
                "{} holds a secret shorter than 256 bits; delete it to generate a new one",
                path.display()
            );
            Ok(secret.as_bytes().to_vec())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let mut bytes = [0u8; 32];
            rand::rng().fill_bytes(&mut bytes);
            let secret: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            write_private(&path, &secret)?;
            tracing::warn!(
                path = %path.display(),
                "COOPHUB_JWT_SECRET is not set: generated a random secret; set COOPHUB_JWT_SECRET \
                 to the same value on every instance when running more than one"
            );
            Ok(secret.into_bytes())
        }
        Err(error) => Err(anyhow::anyhow!("cannot read {}: {error}", path.display())),
    }
}

/// Creates `path` readable and writable by its owner only.
fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_secret_is_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(None, dir.path()).unwrap();
        assert_eq!(first.len(), 64);
        assert_eq!(load_or_create(None, dir.path()).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(SECRET_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_configured_secret_wins() {
        let dir = tempfile::tempdir().unwrap();
        let secret = "s".repeat(40);
        assert_eq!(
            load_or_create(Some(&secret), dir.path()).unwrap(),
            secret.as_bytes()
        );
        assert!(!dir.path().join(SECRET_FILE).exists());
    }
}
