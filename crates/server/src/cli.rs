//! The command line: `coophub [serve|migrate|admin create|openapi]`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// coophub: skills hub and co-bidding directory for networks of tech worker co-operatives.
#[derive(Debug, Parser)]
#[command(name = "coophub", version, about)]
pub struct Cli {
    /// TOML configuration file (its settings sit between the defaults and COOPHUB_* variables).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to listen on [env: COOPHUB_BIND] [default: 127.0.0.1:8080].
    #[arg(long, global = true, value_name = "HOST:PORT")]
    pub bind: Option<String>,
    /// Directory for the SQLite database and generated secrets [env: COOPHUB_DATA_DIR] [default: ./data].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<String>,
    /// Database: a SQLite file path, or a postgres:// URL [env: COOPHUB_DATABASE_URL].
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (applies pending migrations first).
    Serve {
        /// Serve a demo network from a temporary database (nothing is kept).
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Administration tasks.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Print the OpenAPI document as JSON.
    Openapi,
    /// Import a directory or a backup into the database.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Fetch from a remote source into the database.
    #[command(subcommand)]
    Sync(SyncCommand),
    /// Rebuild the search index from the database.
    Reindex,
    /// Write a lossless NDJSON backup of the whole database, or (with
    /// `civicrm`) the co-ops, memberships and fund payments as CSV for CiviCRM.
    Export {
        /// What else to export.
        #[command(subcommand)]
        what: Option<ExportCommand>,
        /// The file to write (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Copy the SQLite database into a new file while the server runs: the
    /// database as of one moment, ready to serve (stop the server and point
    /// `COOPHUB_DATABASE_URL` at the copy to restore it).
    Backup {
        /// The new file to write; it must not exist yet.
        file: PathBuf,
    },
}

/// `coophub export …`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// organisations.csv, memberships.csv and contributions.csv, as CiviCRM's
    /// import screens read them (External Identifier = the hub's id).
    Civicrm {
        /// The directory to write them into (created if missing).
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// `coophub import …`
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// The coops.tech directory format (coops.json, technologies.json, services.json, clients.json).
    Cotech {
        /// The directory holding the JSON files, e.g. ../shared/data/cotech.
        dir: PathBuf,
    },
    /// OCDS 1.1 release or record packages (Contracts Finder, Find a Tender):
    /// each file all or nothing, the newer release of a process winning.
    Ocds {
        /// The package files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// A backup written by `coophub export`, into an empty database.
    Ndjson {
        /// The backup file.
        file: PathBuf,
    },
}

/// `coophub sync …`
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Page through an OCDS API (release or record packages) by following
    /// `links.next`, importing each page; resumes where the last run stopped.
    Ocds {
        /// The API's first page, e.g. https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages
        #[arg(long)]
        url: String,
        /// Only releases changed since this date (YYYY-MM-DD or RFC 3339), asked
        /// for with `updatedFrom`; default: since the newest release of the last run.
        #[arg(long, value_name = "DATE", value_parser = parse_since)]
        since: Option<chrono::DateTime<chrono::Utc>>,
    },
}

/// A `--since` value: a date (midnight UTC) or an RFC 3339 timestamp.
fn parse_since(raw: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Ok(at.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map(|midnight| midnight.and_utc())
        .ok_or_else(|| format!("{raw:?} is not a date (2027-01-31) or an RFC 3339 time"))
}

/// `coophub admin …`
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a network admin account. The password is read from
    /// COOPHUB_ADMIN_PASSWORD, or else from standard input.
    Create {
        /// The admin's sign-in email.
        #[arg(long)]
        email: String,
        /// The admin's display name.
        #[arg(long, default_value = "Network admin")]
        name: String,
    },
}

impl Cli {
    /// The settings given as flags, by setting key.
    pub fn flag_settings(&self) -> Vec<(&'static str, String)> {
        [
            ("bind", &self.bind),
            ("data_dir", &self.data_dir),
            ("database_url", &self.database_url),
        ]
        .into_iter()
        .filter_map(|(key, value)| value.clone().map(|v| (key, v)))
        .collect()
    }
}
