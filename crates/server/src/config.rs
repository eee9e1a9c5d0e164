//! Configuration in layers: built-in defaults < the TOML file (`--config`)
//! < `COOPHUB_*` environment variables < command-line flags. Every value is
//! checked at start; a bad one stops start-up with one line that names the
//! setting, where it came from and what is expected.

mod parse;

use coophub_api::client_address::TrustedProxies;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

use coophub_api::CorsPolicy;

/// Every setting's key (as written in the TOML file) and default.
/// The environment variable is `COOPHUB_` + the key in upper case.
pub const SETTINGS: &[(&str, Option<&str>)] = &[
    ("bind", Some("127.0.0.1:8080")),
    ("data_dir", Some("./data")),
    ("database_url", None),
    ("database_pool_size", Some("10")),
    ("jwt_secret", None),
    ("token_ttl", Some("3600")),
    ("cors_origins", Some("")),
    ("json_limit", Some("262144")),
    ("log_format", Some("text")),
    ("login_attempts_per_account", Some("5")),
    ("login_attempts_per_address", Some("30")),
    ("registrations_per_address", Some("20")),
    ("shutdown_timeout", Some("30")),
    ("public_url", None),
    ("search_change_retention_days", Some("7")),
    ("request_head_timeout", Some("5")),
    ("request_body_timeout", Some("10")),
    ("keep_alive", Some("5")),
    ("max_requests_per_address", Some("256")),
    ("trusted_proxies", Some("")),
    ("webhooks_allow_private", Some("false")),
    ("webhook_timeout", Some("10")),
    (
        "webhook_retry_delays",
        Some("5,300,1800,7200,18000,36000,36000"),
    ),
    ("webhook_poll_interval_ms", Some("1000")),
    ("smtp_url", None),
    ("mail_from", Some("coophub <coophub@localhost>")),
    ("digest_hour", Some("7")),
    ("mail_poll_interval_ms", Some("10000")),
    ("reminder_interval_ms", Some("60000")),
    (
        "map_tiles_url",
        Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    ),
    ("map_attribution", Some("© OpenStreetMap contributors")),
];

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the HTTP server listens.
    pub bind: SocketAddr,
    /// Directory for the SQLite file and the generated JWT secret.
    pub data_dir: PathBuf,
    /// SQLite path or `postgres://` URL.
    pub database_url: String,
    /// Most database connections open at once.
    pub database_pool_size: u32,
    /// HS256 secret; when `None`, one is generated in the data directory.
    pub jwt_secret: Option<String>,
    /// Access token lifetime (at most an hour).
    pub token_ttl: Duration,
    /// Browser origins allowed to call the API.
    pub cors: CorsPolicy,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// Log line format.
    pub log_format: LogFormat,
    /// Login attempts per minute for one account.
    pub login_attempts_per_account: NonZeroU32,
    /// Login attempts per minute from one client address.
    pub login_attempts_per_address: NonZeroU32,
    /// Accounts opened an hour from one client address.
    pub registrations_per_address: NonZeroU32,
    /// Seconds in-flight requests get to finish on SIGTERM.
    pub shutdown_timeout: u64,
    /// The address clients reach the API at (`https://hub.example.coop`),
    /// for links the server writes into answers; `None`: `http://<bind>`.
    pub public_url: Option<String>,
    /// How long the search change log keeps changes: an instance (or an
    /// index restored from a backup) further behind rebuilds its index.
    pub search_change_retention: Duration,
    /// How long a client may take to send a request's head.
    pub request_head_timeout: Duration,
    /// How long a client may take to send a request's body.
    pub request_body_timeout: Duration,
    /// How long an idle kept-alive connection stays open.
    pub keep_alive: Duration,
    /// Requests one client address may have in flight at once.
    pub max_requests_per_address: usize,
    /// Reverse proxies whose `X-Forwarded-For` says who the client is.
    pub trusted_proxies: TrustedProxies,
    /// How webhooks are delivered.
    pub webhooks: WebhookSettings,
    /// How email is sent, if at all.
    pub mail: MailSettings,
    /// How often each instance looks for reminders to give.
    pub reminder_interval: Duration,
    /// What the web pages are told (the map's tiles).
    pub pages: coophub_web::WebSettings,
}

/// How email is sent: nothing is sent without an SMTP server.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `smtps://user:pass@host:465`, `smtp://host:587?tls=required`, or
    /// plain `smtp://host:25` (local relays, tests); `None`: no email.
    pub smtp_url: Option<String>,
    /// The sender, e.g. `coophub <hub@example.coop>`.
    pub from: String,
    /// The hour (UTC) after which each day's digests go.
    pub digest_hour: u32,
    /// How often the mail worker looks for mail to send.
    pub poll_interval: Duration,
}

/// How webhooks are delivered.
#[derive(Debug, Clone)]
pub struct WebhookSettings {
    /// Whether endpoints may be plain http or private, loopback or
    /// link-local addresses (tests and local development).
    pub addresses: coophub_domain::webhook::AddressRule,
    /// How long one attempt may take, connecting and answering.
    pub timeout: Duration,
    /// The waits between attempts.
    pub retries: coophub_domain::webhook::RetrySchedule,
    /// How often the worker looks for due messages.
    pub poll_interval: Duration,
}

/// Where a value came from, for error messages.
#[derive(Debug, Clone)]
enum Origin {
    Default,
    File(PathBuf),
    Env(String),
    Flag(String),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Default => f.write_str("default"),
            Self::File(path) => write!(f, "in {}", path.display()),
            Self::Env(var) => write!(f, "from {var}"),
            Self::Flag(flag) => write!(f, "from {flag}"),
        }
    }
}

/// A configuration that cannot be used; displays as one line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A setting has a value that cannot be used.
    #[error("invalid configuration: {key} = {shown} ({origin}): {problem}")]
    Invalid {
        /// The setting's key.
        key: &'static str,
        /// The value as given (or `<redacted>` for secrets).
        shown: String,
        /// Where it came from.
        origin: String,
        /// What is expected instead.
        problem: String,
    },
    /// The configuration file cannot be read or parsed.
    #[error("invalid configuration file {path}: {problem}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
}

/// Raw values by key, with their origin; later layers replace earlier ones.
struct Layers(HashMap<&'static str, (String, Origin)>);

impl Layers {
    fn set(&mut self, key: &'static str, value: String, origin: Origin) {
        self.0.insert(key, (value, origin));
    }

    fn get(&self, key: &'static str) -> Option<&(String, Origin)> {
        self.0.get(key)
    }
}

/// The environment variable of a setting.
pub fn env_var(key: &str) -> String {
    format!("COOPHUB_{}", key.to_uppercase())
}

impl Settings {
    /// Loads and validates the layers. `env` looks up environment variables
    /// (a parameter so that tests need not touch the process environment).
    pub fn load(
        config_file: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
        flags: &[(&'static str, String)],
    ) -> Result<Self, ConfigError> {
        let mut layers = Layers(HashMap::new());
        for (key, default) in SETTINGS {
            if let Some(default) = default {
                layers.set(key, (*default).to_owned(), Origin::Default);
            }
        }
        if let Some(path) = config_file {
            for (key, value) in parse::read_file(path)? {
                layers.set(key, value, Origin::File(path.to_owned()));
            }
        }
        for (key, _) in SETTINGS {
            let var = env_var(key);
            if let Some(value) = env(&var) {
                layers.set(key, value, Origin::Env(var));
            }
        }
        for (key, value) in flags {
            layers.set(
                key,
                value.clone(),
                Origin::Flag(format!("--{}", key.replace('_', "-"))),
            );
        }
        parse::validate(&layers)
    }
}

#[cfg(test)]
mod tests;
