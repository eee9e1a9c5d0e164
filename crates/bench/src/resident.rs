//! A process's resident memory by what holds it: its heap, the files of its
//! data directory it maps (the search index's segments, read-only, which
//! the kernel may drop and read again), and the rest of what it maps from
//! files (the program and its libraries: `RssFile` counts a 60 MB binary's
//! pages too, so it is not the index).

use std::path::Path;

use anyhow::Context;
use serde::Serialize;

/// Resident memory, in MB.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Resident {
    /// Anonymous: the heap, mostly.
    pub anon_mb: f64,
    /// Mapped from files under the data directory: the index's segments.
    pub index_mb: f64,
    /// Mapped from other files: the program and its libraries.
    pub program_mb: f64,
}

impl Resident {
    /// Of process `pid`, whose data directory is `data`.
    pub fn of(pid: u32, data: &Path) -> anyhow::Result<Self> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps"))?;
        let data = std::fs::canonicalize(data)?;
        let anon_mb = status_kb(&status, "RssAnon")? / 1024.0;
        let file_mb = status_kb(&status, "RssFile")? / 1024.0;
        let index_mb = mapped_kb_under(&smaps, &data) / 1024.0;
        Ok(Self {
            anon_mb,
            index_mb,
            program_mb: (file_mb - index_mb).max(0.0),
        })
    }

    /// Everything but the index's segments: what the memory target bounds.
    pub fn without_index_mb(&self) -> f64 {
        self.anon_mb + self.program_mb
    }
}

/// A `kB` figure of `/proc/PID/status`.
pub fn status_kb(status: &str, key: &str) -> anyhow::Result<f64> {
    Ok(status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next())
        .with_context(|| format!("no {key}"))?
        .parse()?)
}

/// The resident kB of the mappings in `smaps` of files under `dir`.
fn mapped_kb_under(smaps: &str, dir: &Path) -> f64 {
    let mut under = false;
    let mut kb = 0.0;
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first.contains('-') && !first.ends_with(':') {
            // A mapping's header: range, perms, offset, device, inode, path.
            under = fields
                .nth(4)
                .is_some_and(|path| Path::new(path).starts_with(dir));
        } else if under && first == "Rss:" {
            kb += fields.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
        }
    }
    kb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_mappings_under_the_directory_count_as_the_index() {
        let smaps = "\
55d0-55e0 r-xp 00000000 08:01 123 /usr/bin/coophub
Size:                 64 kB
Rss:                  60 kB
7f00-7f10 r--s 00000000 08:01 456 /data/search-index/abc.store
Size:                100 kB
Rss:                  40 kB
7f20-7f30 r--s 00000000 08:01 457 /data/search-index/abc.term
Rss:                   8 kB
7f40-7f50 rw-p 00000000 00:00 0 
Rss:                 500 kB
7f60-7f70 r--s 00000000 08:01 458 /database/file
Rss:                   4 kB
";
        assert_eq!(mapped_kb_under(smaps, Path::new("/data")), 48.0);
        assert_eq!(
            status_kb("VmRSS:\t  2048 kB\nRssAnon:\t 1024 kB\n", "RssAnon").unwrap(),
            1024.0
        );
    }
}
