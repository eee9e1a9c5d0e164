use std::collections::HashMap;
use std::io::Write;

use super::*;

fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |var| map.get(var).cloned()
}

fn file(contents: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(contents.as_bytes()).unwrap();
    file
}

#[test]
fn defaults_serve_sqlite_in_the_data_dir_on_localhost() {
    let settings = Settings::load(None, &env_of(&[]), &[]).unwrap();
    assert_eq!(settings.bind.to_string(), "127.0.0.1:8080");
    assert_eq!(settings.data_dir, PathBuf::from("./data"));
    assert_eq!(settings.database_url, "./data/coophub.sqlite3");
    assert_eq!(settings.json_limit, 256 * 1024);
    assert_eq!(settings.cors, CorsPolicy::Disabled);
    assert_eq!(settings.token_ttl, Duration::from_secs(3600));
    assert!(settings.jwt_secret.is_none());
    assert!(
        settings.public_url.is_none(),
        "links default to the bound address"
    );
    assert_eq!(
        settings.search_change_retention,
        Duration::from_secs(7 * 86_400)
    );
}

#[test]
fn the_public_url_loses_its_trailing_slash() {
    let env = env_of(&[("COOPHUB_PUBLIC_URL", "https://hub.example.coop/coophub/")]);
    let settings = Settings::load(None, &env, &[]).unwrap();
    assert_eq!(
        settings.public_url.as_deref(),
        Some("https://hub.example.coop/coophub")
    );
}

#[test]
fn file_then_env_then_flags_each_override_the_one_before() {
    let config = file(
        "bind = \"127.0.0.1:7000\"\ndata_dir = \"/srv/file\"\nlog_format = \"json\"\njson_limit = 4096\n",
    );
    let env = env_of(&[
        ("COOPHUB_BIND", "127.0.0.1:7001"),
        ("COOPHUB_DATA_DIR", "/srv/env"),
    ]);
    let flags = [("bind", "127.0.0.1:7002".to_owned())];
    let settings = Settings::load(Some(config.path()), &env, &flags).unwrap();
    assert_eq!(settings.bind.port(), 7002, "flag beats env");
    assert_eq!(
        settings.data_dir,
        PathBuf::from("/srv/env"),
        "env beats file"
    );
    assert_eq!(settings.log_format, LogFormat::Json, "file beats default");
    assert_eq!(settings.json_limit, 4096);
    assert_eq!(
        settings.database_url, "/srv/env/coophub.sqlite3",
        "the default follows the data dir"
    );
}

#[test]
fn a_bad_value_names_the_setting_and_its_origin_in_one_line() {
    let error = Settings::load(None, &env_of(&[("COOPHUB_BIND", "nonsense")]), &[])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("bind") && error.contains("COOPHUB_BIND"),
        "{error}"
    );
    assert!(!error.contains('\n'));

    let error = Settings::load(None, &env_of(&[]), &[("bind", "x:y".to_owned())])
        .unwrap_err()
        .to_string();
    assert!(error.contains("--bind"), "{error}");
}

#[test]
fn short_jwt_secrets_are_refused_without_echoing_them() {
    let error = Settings::load(None, &env_of(&[("COOPHUB_JWT_SECRET", "hunter2")]), &[])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("COOPHUB_JWT_SECRET") && error.contains("32 bytes"),
        "{error}"
    );
    assert!(!error.contains("hunter2"));
}

#[test]
fn out_of_range_numbers_and_unknown_formats_are_refused() {
    for (var, value) in [
        ("COOPHUB_TOKEN_TTL", "7200"),
        ("COOPHUB_JSON_LIMIT", "lots"),
        ("COOPHUB_LOG_FORMAT", "xml"),
        ("COOPHUB_DATABASE_URL", "mysql://localhost/db"),
        ("COOPHUB_CORS_ORIGINS", "app.example.coop"),
        ("COOPHUB_LOGIN_ATTEMPTS_PER_ACCOUNT", "0"),
        ("COOPHUB_PUBLIC_URL", "hub.example.coop"),
        ("COOPHUB_SEARCH_CHANGE_RETENTION_DAYS", "0"),
        ("COOPHUB_REQUEST_BODY_TIMEOUT", "0"),
        ("COOPHUB_MAX_REQUESTS_PER_ADDRESS", "none"),
        ("COOPHUB_PUBLIC_URL", "https://hub.example.coop/?x=1"),
        ("COOPHUB_TRUSTED_PROXIES", "127.0.0.1, nginx"),
    ] {
        let error = Settings::load(None, &env_of(&[(var, value)]), &[])
            .unwrap_err()
            .to_string();
        assert!(error.contains(var), "{var}={value}: {error}");
    }
}

#[test]
fn cors_origins_are_a_list_or_a_wildcard() {
    let settings = Settings::load(
        None,
        &env_of(&[(
            "COOPHUB_CORS_ORIGINS",
            "https://a.example.coop, http://localhost:5173",
        )]),
        &[],
    )
    .unwrap();
    assert_eq!(
        settings.cors,
        CorsPolicy::Origins(vec![
            "https://a.example.coop".into(),
            "http://localhost:5173".into()
        ])
    );
    let settings = Settings::load(None, &env_of(&[("COOPHUB_CORS_ORIGINS", "*")]), &[]).unwrap();
    assert_eq!(settings.cors, CorsPolicy::AnyOrigin);
}

#[test]
fn unknown_keys_in_the_file_are_refused() {
    let config = file("bnid = \"127.0.0.1:1\"\n");
    let error = Settings::load(Some(config.path()), &env_of(&[]), &[])
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown setting `bnid`"), "{error}");
}

#[test]
fn postgres_urls_select_postgres() {
    let settings = Settings::load(
        None,
        &env_of(&[("COOPHUB_DATABASE_URL", "postgres://u@localhost/coophub")]),
        &[],
    )
    .unwrap();
    assert_eq!(settings.database_url, "postgres://u@localhost/coophub");
}

#[test]
fn map_tiles_are_openstreetmaps_a_template_or_none() {
    let settings = Settings::load(None, &env_of(&[]), &[]).unwrap();
    assert_eq!(
        settings.pages.map_tiles_url,
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    );
    let none = env_of(&[("COOPHUB_MAP_TILES_URL", "")]);
    let settings = Settings::load(None, &none, &[]).unwrap();
    assert!(settings.pages.map_tiles_url.is_empty());
    let bad = env_of(&[("COOPHUB_MAP_TILES_URL", "https://tiles.example.org/map.png")]);
    let error = Settings::load(None, &bad, &[]).unwrap_err().to_string();
    assert!(
        error.contains("map_tiles_url") && error.contains("{z}"),
        "{error}"
    );
}
