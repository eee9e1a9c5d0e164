//! Reading the TOML file and turning raw strings into checked settings.

use std::net::{SocketAddr, ToSocketAddrs};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use coophub_api::CorsPolicy;
use coophub_api::client_address::TrustedProxies;

use coophub_domain::webhook::{AddressRule, RetrySchedule};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, Tokio1Executor};

use super::{
    ConfigError, Layers, LogFormat, MailSettings, Origin, SETTINGS, Settings, WebhookSettings,
};

/// Shortest JWT secret accepted: 256 bits.
const MIN_SECRET_BYTES: usize = 32;
/// Settings whose values never appear in messages.
const SECRET_KEYS: &[&str] = &["jwt_secret", "database_url", "smtp_url"];

/// The settings in a TOML file, as strings; unknown keys are errors (typos).
pub(super) fn read_file(path: &Path) -> Result<Vec<(&'static str, String)>, ConfigError> {
    let file_error = |problem: String| ConfigError::File {
        path: path.to_owned(),
        problem,
    };
    let text = std::fs::read_to_string(path).map_err(|e| file_error(e.to_string()))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| file_error(e.message().to_owned()))?;
    table
        .into_iter()
        .map(|(name, value)| {
            let key = SETTINGS
                .iter()
                .map(|(key, _)| *key)
                .find(|key| *key == name)
                .ok_or_else(|| file_error(format!("unknown setting `{name}`")))?;
            let value = match value {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Array(items) => items
                    .iter()
                    .map(|item| item.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| file_error(format!("`{name}` must be a list of strings")))?
                    .join(","),
                _ => return Err(file_error(format!("`{name}` must be a string or a number"))),
            };
            Ok((key, value))
        })
        .collect()
}

/// A checker for one setting: reads its raw value, explains a bad one.
struct Check<'a> {
    layers: &'a Layers,
}

impl Check<'_> {
    fn raw(&self, key: &'static str) -> Option<&(String, Origin)> {
        self.layers.get(key)
    }

    fn invalid(&self, key: &'static str, problem: impl Into<String>) -> ConfigError {
        let (value, origin) = self
            .raw(key)
            .cloned()
            .unwrap_or_else(|| (String::new(), Origin::Default));
        let shown = if SECRET_KEYS.contains(&key) {
            "<redacted>".to_owned()
        } else {
            format!("{value:?}")
        };
        ConfigError::Invalid {
            key,
            shown,
            origin: origin.to_string(),
            problem: problem.into(),
        }
    }

    /// The value of a setting that has a default.
    fn value(&self, key: &'static str) -> Result<&str, ConfigError> {
        self.raw(key)
            .map(|(v, _)| v.as_str())
            .ok_or_else(|| self.invalid(key, "a value is required"))
    }

    fn number<T: FromStr + PartialOrd + std::fmt::Display>(
        &self,
        key: &'static str,
        min: T,
        max: T,
    ) -> Result<T, ConfigError> {
        let value = self.value(key)?;
        match value.trim().parse::<T>() {
            Ok(n) if n >= min && n <= max => Ok(n),
            _ => Err(self.invalid(key, format!("expected a whole number from {min} to {max}"))),
        }
    }
}

/// Checks every setting and builds [`Settings`].
pub(super) fn validate(layers: &Layers) -> Result<Settings, ConfigError> {
    let check = Check { layers };

    let bind = bind_address(check.value("bind")?)
        .ok_or_else(|| check.invalid("bind", "expected HOST:PORT such as 127.0.0.1:8080"))?;

    let data_dir = PathBuf::from(check.value("data_dir")?.trim());
    if data_dir.as_os_str().is_empty() {
        return Err(check.invalid("data_dir", "expected a directory path"));
    }

    let database_url = match check.raw("database_url") {
        Some((url, _)) => url.trim().to_owned(),
        None => data_dir.join("coophub.sqlite3").display().to_string(),
    };
    check_database_url(&database_url).map_err(|problem| check.invalid("database_url", problem))?;

    let jwt_secret = match check.raw("jwt_secret") {
        Some((secret, _)) if secret.len() < MIN_SECRET_BYTES => {
            return Err(check.invalid(
                "jwt_secret",
                format!("must be at least {MIN_SECRET_BYTES} bytes (256 bits); e.g. `openssl rand -hex 32`"),
            ));
        }
        Some((secret, _)) => Some(secret.clone()),
        None => None,
    };

    let log_format = match check.value("log_format")?.trim() {
        "text" => LogFormat::Text,
        "json" => LogFormat::Json,
        _ => return Err(check.invalid("log_format", "expected `text` or `json`")),
    };

    let cors = cors_policy(check.value("cors_origins")?)
        .map_err(|problem| check.invalid("cors_origins", problem))?;

    // Rates: attempts a minute, registrations an hour.
    let rate = |key| {
        check
            .number::<u32>(key, 1, 10_000)
            .map(|n| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
    };

    Ok(Settings {
        bind,
        database_url,
        database_pool_size: check.number("database_pool_size", 1, 256)?,
        jwt_secret,
        token_ttl: Duration::from_secs(check.number("token_ttl", 60, 3600)?),
        cors,
        json_limit: check.number("json_limit", 1024, 64 * 1024 * 1024)?,
        log_format,
        login_attempts_per_account: rate("login_attempts_per_account")?,
        login_attempts_per_address: rate("login_attempts_per_address")?,
        registrations_per_address: rate("registrations_per_address")?,
        shutdown_timeout: check.number("shutdown_timeout", 0, 3600)?,
        request_head_timeout: Duration::from_secs(check.number("request_head_timeout", 1, 300)?),
        request_body_timeout: Duration::from_secs(check.number("request_body_timeout", 1, 600)?),
        keep_alive: Duration::from_secs(check.number("keep_alive", 0, 300)?),
        max_requests_per_address: check.number("max_requests_per_address", 1, 100_000)?,
        trusted_proxies: TrustedProxies::parse(check.value("trusted_proxies")?)
            .map_err(|problem| check.invalid("trusted_proxies", problem))?,
        webhooks: webhook_settings(&check)?,
        mail: mail_settings(&check)?,
        pages: page_settings(&check)?,
        reminder_interval: Duration::from_millis(check.number(
            "reminder_interval_ms",
            10,
            3_600_000,
        )?),
        search_change_retention: Duration::from_secs(
            86_400 * check.number::<u64>("search_change_retention_days", 1, 3650)?,
        ),
        public_url: match check.layers.get("public_url") {
            Some((url, _)) => {
                Some(public_url(url).map_err(|problem| check.invalid("public_url", problem))?)
            }
            None => None,
        },
        data_dir,
    })
}

fn webhook_settings(check: &Check<'_>) -> Result<WebhookSettings, ConfigError> {
    let addresses = match check.value("webhooks_allow_private")?.trim() {
        "true" => AddressRule::AllowPrivate,
        "false" => AddressRule::PublicOnly,
        _ => return Err(check.invalid("webhooks_allow_private", "expected `true` or `false`")),
    };
    let delays = check.value("webhook_retry_delays")?;
    let retries = delays
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| d.parse::<u64>().ok().filter(|s| (1..=604_800).contains(s)))
        .collect::<Option<Vec<u64>>>()
        .filter(|list| list.len() <= 20)
        .ok_or_else(|| {
            check.invalid(
                "webhook_retry_delays",
                "expected up to 20 waits in seconds (1 to 604800), separated by commas, e.g. 5,300,1800",
            )
        })?;
    Ok(WebhookSettings {
        addresses,
        timeout: Duration::from_secs(check.number("webhook_timeout", 1, 60)?),
        retries: RetrySchedule(retries.into_iter().map(Duration::from_secs).collect()),
        poll_interval: Duration::from_millis(check.number(
            "webhook_poll_interval_ms",
            10,
            60_000,
        )?),
    })
}

fn mail_settings(check: &Check<'_>) -> Result<MailSettings, ConfigError> {
    let smtp_url = match check.raw("smtp_url") {
        Some((url, _)) if url.trim().is_empty() => None,
        Some((url, _)) => {
            let url = url.trim().to_owned();
            AsyncSmtpTransport::<Tokio1Executor>::from_url(&url).map_err(|_| {
                check.invalid(
                    "smtp_url",
                    "expected smtps://user:pass@host:465, smtp://host:587?tls=required or smtp://host:25",
                )
            })?;
            Some(url)
        }
        None => None,
    };
    let from = check.value("mail_from")?.trim().to_owned();
    from.parse::<Mailbox>().map_err(|_| {
        check.invalid(
            "mail_from",
            "expected an address, e.g. `coophub <hub@example.coop>`",
        )
    })?;
    Ok(MailSettings {
        smtp_url,
        from,
        digest_hour: check.number("digest_hour", 0, 23)?,
        poll_interval: Duration::from_millis(check.number("mail_poll_interval_ms", 10, 600_000)?),
    })
}

/// The map's tiles: empty (markers on a plain background), or an http(s)
/// URL template with `{z}`, `{x}` and `{y}`.
fn page_settings(check: &Check<'_>) -> Result<coophub_web::WebSettings, ConfigError> {
    let tiles = check.value("map_tiles_url")?.trim().to_owned();
    let template = (tiles.starts_with("https://") || tiles.starts_with("http://"))
        && ["{z}", "{x}", "{y}"]
            .iter()
            .all(|part| tiles.contains(part));
    if !(tiles.is_empty() || template) {
        return Err(check.invalid(
            "map_tiles_url",
            "expected empty, or an http(s) URL with {z}, {x} and {y}",
        ));
    }
    Ok(coophub_web::WebSettings {
        map_tiles_url: tiles,
        map_attribution: check.value("map_attribution")?.trim().to_owned(),
    })
}

/// An absolute http(s) URL without query or fragment, without the trailing slash.
fn public_url(value: &str) -> Result<String, String> {
    let url = value.trim().trim_end_matches('/');
    let valid = url.split_once("://").is_some_and(|(scheme, rest)| {
        matches!(scheme, "http" | "https")
            && !rest.is_empty()
            && !rest.starts_with('/')
            && !rest.contains(['?', '#', ' '])
    });
    if valid {
        Ok(url.to_owned())
    } else {
        Err("expected an absolute http(s) URL such as https://hub.example.coop".into())
    }
}

fn bind_address(value: &str) -> Option<SocketAddr> {
    value.trim().to_socket_addrs().ok()?.next()
}

fn check_database_url(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("expected a SQLite file path or a postgres:// URL".into());
    }
    match url.split_once("://") {
        None => Ok(()),
        Some(("postgres" | "postgresql" | "sqlite", rest)) if !rest.is_empty() => Ok(()),
        Some((scheme, _)) => Err(format!(
            "unsupported scheme `{scheme}`: expected a SQLite file path or a postgres:// URL"
        )),
    }
}

fn cors_policy(value: &str) -> Result<CorsPolicy, String> {
    let origins: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect();
    match origins.as_slice() {
        [] => Ok(CorsPolicy::Disabled),
        ["*"] => Ok(CorsPolicy::AnyOrigin),
        _ => origins
            .iter()
            .map(|origin| {
                let valid = origin
                    .split_once("://")
                    .is_some_and(|(scheme, host)| {
                        matches!(scheme, "http" | "https") && !host.is_empty() && !host.contains('/')
                    });
                if valid {
                    Ok((*origin).to_owned())
                } else {
                    Err(format!(
                        "`{origin}` is not an origin: expected `*` or a comma-separated list such as https://app.example.coop"
                    ))
                }
            })
            .collect::<Result<Vec<_>, _>>()
            .map(CorsPolicy::Origins),
    }
}
