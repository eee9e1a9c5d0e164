//! The one-shot commands: `migrate`, `admin create` and `openapi`.

use std::io::{BufRead, IsTerminal};

use coophub_domain::{Clock, Registration, SystemClock};
use coophub_store::{StoreError, users};

use crate::config::Settings;
use crate::serve::open_store;

/// Environment variable holding the password for `admin create`.
pub const ADMIN_PASSWORD_VAR: &str = "COOPHUB_ADMIN_PASSWORD";

/// `coophub migrate`: applies pending migrations (opening the store does).
pub async fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    println!("database is up to date ({})", store.backend().name());
    Ok(())
}

/// `coophub admin create`: opens a network admin account.
pub async fn create_admin(settings: &Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let password = admin_password()?;
    let Registration {
        email,
        name,
        password,
    } = Registration::parse(email, name, &password).map_err(|errors| {
        let reasons: Vec<String> = errors
            .0
            .iter()
            .map(|e| format!("{} {}", e.pointer.trim_start_matches('/'), e.message))
            .collect();
        anyhow::anyhow!("cannot create the admin: {}", reasons.join("; "))
    })?;
    let store = open_store(settings).await?;
    let user = actix_web::web::block(move || -> anyhow::Result<_> {
        let hash = password.hash()?;
        let mut conn = store.conn()?;
        let new_user = users::NewUser {
            email: email.as_str(),
            name: name.as_str(),
            password_hash: &hash,
            network_admin: true,
        };
        users::insert(&mut conn, &new_user, SystemClock.now()).map_err(|error| match error {
            StoreError::Conflict { .. } => {
                anyhow::anyhow!(
                    "an account with the email {} already exists",
                    email.as_str()
                )
            }
            other => other.into(),
        })
    })
    .await??;
    println!("created network admin {} ({})", user.email, user.id);
    Ok(())
}

/// The password from the environment, or else from standard input (hidden on a terminal).
fn admin_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var(ADMIN_PASSWORD_VAR) {
        return Ok(password);
    }
    if std::io::stdin().is_terminal() {
        return Ok(rpassword::prompt_password("password for the new admin: ")?);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// A progress bar of `len` steps: the bar, `pos/len`, `unit`, then the message.
fn progress_bar(len: u64, unit: &str) -> indicatif::ProgressBar {
    let template = format!("{{bar:40}} {{pos}}/{{len}}{unit} {{msg}}");
    indicatif::ProgressBar::new(len).with_style(
        indicatif::ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    )
}

/// `coophub import cotech DIR`: imports the coops.tech directory, with a progress bar.
pub async fn import_cotech(settings: &Settings, dir: std::path::PathBuf) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let summary = actix_web::web::block(move || {
        let progress = progress_bar(0, "");
        crate::import::import_cotech(&store, &dir, SystemClock.now(), &progress)
    })
    .await??;
    println!("co-ops: {}", summary.coops);
    println!("case studies: {}", summary.case_studies);
    if !summary.warnings.is_empty() {
        println!("data-quality warnings ({}):", summary.warnings.len());
        for warning in &summary.warnings {
            println!("  {warning}");
        }
    }
    Ok(())
}

/// `coophub import ocds FILE…`: imports OCDS packages as opportunities.
pub async fn import_ocds(
    settings: &Settings,
    files: Vec<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let summary = actix_web::web::block(move || {
        crate::import::import_ocds(&store, &files, SystemClock.now())
    })
    .await??;
    println!("opportunities: {}", summary.opportunities);
    if !summary.warnings.is_empty() {
        println!("warnings ({}):", summary.warnings.len());
        for warning in &summary.warnings {
            println!("  {warning}");
        }
    }
    Ok(())
}

/// `coophub sync ocds --url URL`: pages through an OCDS API, with a spinner.
pub async fn sync_ocds(
    settings: &Settings,
    url: &str,
    since: Option<chrono::DateTime<chrono::Utc>>,
) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let progress = indicatif::ProgressBar::new_spinner().with_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} pages {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    progress.enable_steady_tick(std::time::Duration::from_millis(200));
    let outcome = crate::import::sync_ocds(&store, url, since, &progress, SystemClock.now()).await;
    progress.finish_and_clear();
    let summary = outcome?;
    if let Some(page) = &summary.resumed_at {
        println!("resumed at {page}");
    }
    println!("pages: {}", summary.pages);
    println!("opportunities: {}", summary.opportunities);
    if !summary.warnings.is_empty() {
        println!("warnings ({}):", summary.warnings.len());
        for warning in &summary.warnings {
            println!("  {warning}");
        }
    }
    Ok(())
}

/// `coophub export`: writes a lossless NDJSON backup to `output` or standard output.
pub async fn export(settings: &Settings, output: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let lines = actix_web::web::block(move || -> anyhow::Result<usize> {
        let mut conn = store.conn()?;
        let lines = match &output {
            Some(path) => {
                let file = std::fs::File::create(path)
                    .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
                let mut writer = std::io::BufWriter::new(file);
                let lines = coophub_store::backup::export(&mut conn, &mut writer)?;
                std::io::Write::flush(&mut writer)?;
                lines
            }
            None => {
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                let lines = coophub_store::backup::export(&mut conn, &mut stdout)?;
                std::io::Write::flush(&mut stdout)?;
                lines
            }
        };
        Ok(lines)
    })
    .await??;
    eprintln!("exported {lines} rows");
    Ok(())
}

/// `coophub backup FILE`: an online copy of the SQLite database.
pub async fn backup(settings: &Settings, file: std::path::PathBuf) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let shown = file.display().to_string();
    actix_web::web::block(move || -> anyhow::Result<()> {
        let mut conn = store.conn()?;
        coophub_store::backup::copy_sqlite(&mut conn, &file)?;
        Ok(())
    })
    .await??;
    eprintln!("copied the database to {shown}");
    Ok(())
}

/// `coophub export civicrm --output DIR`: CSV files for CiviCRM's imports.
pub async fn export_civicrm(settings: &Settings, dir: std::path::PathBuf) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let now = chrono::Utc::now();
    let written = dir.clone();
    let [organisations, memberships, contributions] =
        actix_web::web::block(move || -> anyhow::Result<[usize; 3]> {
            let mut conn = store.conn()?;
            crate::civicrm::export(&mut conn, &written, now)
        })
        .await??;
    eprintln!(
        "wrote {organisations} organisations, {memberships} memberships and \
         {contributions} contributions to {}",
        dir.display()
    );
    Ok(())
}

/// `coophub import ndjson FILE`: restores a backup into an empty database.
pub async fn restore(settings: &Settings, file: std::path::PathBuf) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let rows = actix_web::web::block(move || -> anyhow::Result<usize> {
        let input = std::fs::File::open(&file)
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", file.display()))?;
        let mut reader = std::io::BufReader::new(input);
        Ok(coophub_store::backup::restore(
            &mut *store.conn()?,
            &mut reader,
        )?)
    })
    .await??;
    println!("restored {rows} rows");
    Ok(())
}

/// `coophub serve --demo`: a demo network in a temporary database, removed on exit.
pub async fn serve_demo(settings: &Settings) -> anyhow::Result<()> {
    let scratch = tempfile::Builder::new().prefix("coophub-demo-").tempdir()?;
    let mut demo = settings.clone();
    demo.data_dir = scratch.path().to_owned();
    demo.database_url = scratch.path().join("demo.sqlite3").display().to_string();
    let store = open_store(&demo).await?;
    let loaded =
        actix_web::web::block(move || crate::demo::load(&store, SystemClock.now())).await??;
    tracing::warn!(
        coops = loaded.coops,
        people = loaded.people,
        database = %demo.database_url,
        "demo mode: a temporary database with the CoTech directory and generated example people; nothing is kept"
    );
    tracing::info!(
        email = crate::demo::DEMO_ADMIN_EMAIL,
        password = crate::demo::DEMO_ADMIN_PASSWORD,
        "demo network admin"
    );
    let served = crate::Application::build(&demo)
        .await?
        .run_until_stopped()
        .await;
    drop(scratch);
    Ok(served?)
}

/// `coophub reindex`: rebuilds the search index from the database, with a
/// progress bar over the co-ops. Refuses while a server writes to the index.
pub async fn reindex(settings: &Settings) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let dir = crate::search_index_dir(settings);
    let started = std::time::Instant::now();
    let documents = actix_web::web::block(move || -> anyhow::Result<u64> {
        let index = crate::open_search_index(&dir)?;
        let total = coophub_store::coops::count(&mut *store.conn()?)?;
        let progress = progress_bar(u64::try_from(total).unwrap_or(0), " co-ops,");
        let documents = coophub_indexer::rebuild_index(&store, &index, &|done| {
            progress.set_position(u64::try_from(done.coops).unwrap_or(u64::MAX));
            progress.set_message(format!("{} documents", done.documents));
        })?;
        progress.finish_and_clear();
        Ok(documents)
    })
    .await??;
    println!(
        "search index rebuilt: {documents} documents in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `coophub openapi`: prints the OpenAPI document (a closed pipe is an
/// error to report, not a panic as with `print!`).
pub fn print_openapi() -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(&mut out, coophub_api::spec_json()?.as_bytes())?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}
