//! One bench run: the same generated network and query set for coophub (on
//! SQLite, then on PostgreSQL for writes) and the PostgreSQL full-text
//! baseline, every figure into one [`Summary`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde_json::Value;

use crate::fresh;
use crate::generate::{self, Size};
use crate::load::{Figures, Load};
use crate::process::Server;
use crate::queries::{Query, Shape, query_set};
use crate::report::Summary;

/// What to run.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// People in the generated network (a co-op per ten, an offer per five,
    /// a tender per twenty).
    #[arg(long, default_value_t = 10_000)]
    pub scale: usize,
    /// Seed of the network and of the queries.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Queries in the set.
    #[arg(long, default_value_t = 240)]
    pub queries: usize,
    /// Seconds of each load run.
    #[arg(long, default_value_t = 10)]
    pub seconds: u32,
    /// Seconds of the soak (load at concurrency 8, memory sampled).
    #[arg(long, default_value_t = 300)]
    pub soak: u32,
    /// Profile updates for write-to-searchable.
    #[arg(long, default_value_t = 200)]
    pub updates: usize,
    /// A PostgreSQL server to create the `coophub_bench` database on.
    #[arg(
        long,
        env = "COOPHUB_BENCH_POSTGRES_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    pub postgres: String,
    /// Where to write the SQLite database (a temporary directory if unset).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Writes the summary as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Serve coophub with this build of the bench instead of this one: the
    /// "before" of an A/B, measured by this run's load, queries and checks.
    #[arg(long)]
    pub serve_with: Option<PathBuf>,
}

/// The database the run creates (dropping one left by an earlier run).
const DATABASE: &str = "coophub_bench";

fn postgres_url(server: &str, database: &str) -> anyhow::Result<String> {
    let mut url = url::Url::parse(server)?;
    url.set_path(database);
    Ok(url.to_string())
}

/// Runs everything; answers the summary.
pub fn run(args: &RunArgs) -> anyhow::Result<Summary> {
    let temporary = tempfile::tempdir()?;
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| temporary.path().to_owned());
    std::fs::create_dir_all(&dir)?;
    let size = Size::at_scale(args.scale, args.seed);
    let mut summary = Summary {
        scale: args.scale,
        soak_s: args.soak,
        ..Summary::default()
    };
    println!("generating {size:?}");
    let sqlite_url = format!("sqlite://{}", dir.join("coophub.db").display());
    let _ = std::fs::remove_file(dir.join("coophub.db"));
    let _ = std::fs::remove_dir_all(dir.join("search-index"));
    let sqlite = coophub_store::Store::connect(&sqlite_url, coophub_store::PoolOptions::default())?;
    sqlite.migrate()?;
    let generated = generate::generate(&sqlite, size)?;
    summary.generate_sqlite_s = generated.seconds;
    println!("  SQLite: {:.1} s", generated.seconds);

    let pg_url = postgres_url(&args.postgres, DATABASE)?;
    recreate(&args.postgres)?;
    let postgres = coophub_store::Store::connect(&pg_url, coophub_store::PoolOptions::default())?;
    postgres.migrate()?;
    let pg_generated = generate::generate(&postgres, size)?;
    summary.generate_postgres_s = pg_generated.seconds;
    println!("  PostgreSQL: {:.1} s", pg_generated.seconds);
    let baseline_s = crate::baseline::build(&sqlite, &pg_url)?;
    println!("  the baseline's table and indexes: {baseline_s:.1} s");
    drop((sqlite, postgres));

    let program = match &args.serve_with {
        Some(path) => path.clone(),
        None => std::env::current_exe()?,
    };
    let queries = query_set(args.queries, args.seed);
    summary.queries = queries.len();
    let urls = dir.join("search-urls.txt");
    println!("coophub on SQLite");
    let coophub = Server::coophub(&program, &dir, &sqlite_url)?;
    summary.rebuild_s = coophub.rebuild_ms.unwrap_or(f64::NAN) / 1000.0;
    summary.ready_s = coophub.ready_s;
    summary.rss_start_mb = coophub.rss_mb()?;
    println!(
        "  ready in {:.1} s (rebuild {:.2} s), {:.0} MB",
        coophub.ready_s, summary.rebuild_s, summary.rss_start_mb
    );
    let ours = answers(&coophub.base(), &queries, "")?;
    typo_recall(&mut summary, &coophub.base(), &queries, &ours)?;
    summary.documents = coophub.documents.unwrap_or(0);
    write_urls(&urls, &coophub.base(), &queries)?;
    let c8 = searches(&mut summary, "coophub", &urls, args.seconds)?;
    summary.search_p50_ms = c8.p50_ms;
    summary.search_p99_ms = c8.p99_ms;
    summary.search_rps = c8.rps;
    summary.suggest =
        crate::suggest::measure(&mut summary, &coophub.base(), args.seed, &dir, args.seconds)?;
    crate::pages::measure(
        &mut summary,
        &coophub.base(),
        &queries,
        size.coops,
        &dir,
        args.seconds,
    )?;
    summary.rss_mb = coophub.rss_mb()?;
    let token = fresh::sign_in(&coophub.base())?;
    let freshness = fresh::measure(
        &coophub.base(),
        &token,
        &generated.editable_people,
        args.updates,
    )?;
    println!(
        "  write-to-searchable: p50 {:.1} ms, p99 {:.1} ms, found {} of {}",
        freshness.p50_ms, freshness.p99_ms, freshness.found, freshness.updates
    );
    summary.fresh_p50_ms = freshness.p50_ms;
    summary.fresh_p99_ms = freshness.p99_ms;
    summary.fresh_found = freshness.found;
    summary.fresh_updates = freshness.updates;
    summary.writes_per_s_sqlite = writes(
        &mut summary,
        "coophub SQLite",
        &coophub,
        &token,
        &generated.editable_people,
        &dir,
        args.seconds,
    )?;
    soak(&mut summary, &coophub, &urls, args.soak)?;
    drop(coophub);

    println!("the PostgreSQL full-text baseline");
    let baseline = Server::baseline(&pg_url)?;
    let baseline_answers = answers(&baseline.base(), &queries, "&per_page=100000")?;
    recall(&mut summary, &queries, &ours, &baseline_answers);
    write_urls(&urls, &baseline.base(), &queries)?;
    let b8 = searches(&mut summary, "baseline", &urls, args.seconds)?;
    summary.baseline_p50_ms = b8.p50_ms;
    summary.baseline_p99_ms = b8.p99_ms;
    summary.baseline_rps = b8.rps;
    summary.speedup_p50 = b8.p50_ms / c8.p50_ms;
    drop(baseline);
    let c1 = summary
        .runs
        .iter()
        .find(|(n, _)| n == "coophub c=1")
        .map(|r| r.1)
        .unwrap_or_default();
    let b1 = summary
        .runs
        .iter()
        .find(|(n, _)| n == "baseline c=1")
        .map(|r| r.1)
        .unwrap_or_default();
    summary.search_c1_p50_ms = c1.p50_ms;
    summary.search_c1_p99_ms = c1.p99_ms;
    summary.speedup_c1_p50 = b1.p50_ms / c1.p50_ms;

    println!("coophub on PostgreSQL");
    let pg_dir = dir.join("postgres");
    std::fs::create_dir_all(&pg_dir)?;
    let _ = std::fs::remove_dir_all(pg_dir.join("search-index"));
    let coophub_pg = Server::coophub(&program, &pg_dir, &pg_url)?;
    summary.rebuild_postgres_s = coophub_pg.rebuild_ms.unwrap_or(f64::NAN) / 1000.0;
    let token = fresh::sign_in(&coophub_pg.base())?;
    summary.writes_per_s_postgres = writes(
        &mut summary,
        "coophub PostgreSQL",
        &coophub_pg,
        &token,
        &pg_generated.editable_people,
        &dir,
        args.seconds,
    )?;
    drop(coophub_pg);
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&summary)?)?;
    }
    println!("\n{}", summary.table());
    Ok(summary)
}

fn recreate(server: &str) -> anyhow::Result<()> {
    use diesel::{Connection, RunQueryDsl};
    let mut admin = diesel::pg::PgConnection::establish(server)
        .with_context(|| format!("cannot reach PostgreSQL at {server}"))?;
    diesel::sql_query(format!("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        .execute(&mut admin)?;
    diesel::sql_query(format!("CREATE DATABASE {DATABASE}")).execute(&mut admin)?;
    Ok(())
}

/// The query set as oha's URL file (as `coophub-bench queries` prints it).
fn write_urls(path: &Path, base: &str, queries: &[Query]) -> anyhow::Result<()> {
    let lines: Vec<String> = queries
        .iter()
        .map(|q| format!("{base}/api/v1/search?{}", q.query))
        .collect();
    std::fs::write(path, lines.join("\n") + "\n")?;
    Ok(())
}

/// Each query once, in order (also a warm-up): the answers' hit keys.
fn answers(base: &str, queries: &[Query], extra: &str) -> anyhow::Result<Vec<Vec<String>>> {
    let client = reqwest::blocking::Client::new();
    queries
        .iter()
        .map(|q| {
            let url = format!("{base}/api/v1/search?{}{extra}", q.query);
            let answer: Value = client
                .get(&url)
                .send()?
                .error_for_status()
                .with_context(|| url.clone())?
                .json()?;
            Ok(answer["hits"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|hit| match hit["key"].as_str() {
                    Some(key) => key.to_owned(),
                    None => format!(
                        "{}:{}",
                        hit["type"].as_str().unwrap_or(""),
                        hit["id"].as_str().unwrap_or("")
                    ),
                })
                .collect())
        })
        .collect()
}

fn recall(
    summary: &mut Summary,
    queries: &[Query],
    coophub: &[Vec<String>],
    baseline: &[Vec<String>],
) {
    let (mut wanted, mut found) = (0, 0);
    for ((query, ours), theirs) in queries.iter().zip(coophub).zip(baseline) {
        if query.shape != Shape::Typo || ours.is_empty() {
            continue;
        }
        let theirs: HashSet<&String> = theirs.iter().collect();
        let hits = ours.iter().filter(|k| theirs.contains(k)).count();
        wanted += ours.len();
        found += hits;
        if hits == 0 {
            summary.baseline_typo_missed_queries += 1;
        }
    }
    let share = share(found, wanted);
    summary.baseline_typo_recall = share;
    println!(
        "  typo queries: the baseline finds {:.0} % of coophub's hits; nothing at all for {} queries",
        share * 100.0,
        summary.baseline_typo_missed_queries
    );
}

/// `found` of `wanted` (0 when nothing was wanted).
fn share(found: usize, wanted: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let share = found as f64 / wanted.max(1) as f64;
    share
}

/// Recall@10 on the typo queries of the set (`count`, `seed`) as a running
/// server at `base` answers them: the same figure for two builds serving
/// one database (each `run` generates its own, whose random ids break ties
/// in their own way).
pub fn recall_of(base: &str, count: usize, seed: u64) -> anyhow::Result<()> {
    let queries = query_set(count, seed);
    let ours = answers(base, &queries, "")?;
    typo_recall(&mut Summary::default(), base, &queries, &ours)
}

/// Recall@10 on the typo queries: of the first ten hits of the query spelt
/// right, the share the misspelt one also answers in its first ten.
fn typo_recall(
    summary: &mut Summary,
    base: &str,
    queries: &[Query],
    ours: &[Vec<String>],
) -> anyhow::Result<()> {
    let (mut wanted, mut found) = (0, 0);
    for (query, typed) in queries.iter().zip(ours) {
        let Some(intended) = &query.intended else {
            continue;
        };
        let meant = Query {
            query: intended.clone(),
            shape: Shape::Plain,
            intended: None,
        };
        let right = answers(base, std::slice::from_ref(&meant), "")?;
        let right: HashSet<&String> = right.iter().flatten().take(10).collect();
        wanted += right.len();
        found += typed.iter().take(10).filter(|k| right.contains(k)).count();
        summary.typo_queries += 1;
    }
    let share = share(found, wanted);
    summary.typo_recall_at_10 = share;
    println!(
        "  typo queries: {:.1} % of the first ten hits spelt right are in the first ten misspelt ({} queries)",
        share * 100.0,
        summary.typo_queries
    );
    Ok(())
}

/// Concurrency 1, 8 and 32, then a fixed rate at half of concurrency 8's.
fn searches(
    summary: &mut Summary,
    engine: &str,
    urls: &Path,
    seconds: u32,
) -> anyhow::Result<Figures> {
    let oha = crate::load::oha();
    let mut c8 = Figures::default();
    for concurrency in [1, 8, 32] {
        let figures = Load::reads(&oha, urls, concurrency, seconds).run()?;
        let figures = summary.record(&format!("{engine} c={concurrency}"), figures);
        if concurrency == 8 {
            c8 = figures;
        }
    }
    // Truncation is fine: a rate in whole requests a second.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rate = ((c8.rps / 2.0) as u32).max(1);
    let fixed = Load {
        rate: Some(rate),
        ..Load::reads(&oha, urls, 8, seconds)
    }
    .run()?;
    summary.record(&format!("{engine} at {rate} req/s (c=8)"), fixed);
    Ok(c8)
}

/// Profile updates at concurrency 8; answers updates a second.
fn writes(
    summary: &mut Summary,
    name: &str,
    server: &Server,
    token: &str,
    people: &[uuid::Uuid],
    dir: &Path,
    seconds: u32,
) -> anyhow::Result<f64> {
    let urls = dir.join("write-urls.txt");
    let lines: Vec<String> = people
        .iter()
        .map(|p| format!("{}/api/v1/people/{p}", server.base()))
        .collect();
    std::fs::write(&urls, lines.join("\n") + "\n")?;
    let body = fresh::profile("zqwrites").to_string();
    let headers = [format!("Authorization: Bearer {token}")];
    let oha = crate::load::oha();
    let figures = Load {
        oha: &oha,
        urls: &urls,
        concurrency: 8,
        seconds,
        rate: None,
        write: Some(("PUT", &body)),
        headers: &headers,
    }
    .run()?;
    Ok(summary
        .record(&format!("{name} profile updates c=8"), figures)
        .rps)
}

/// Searches at concurrency 8 for `seconds`, resident memory sampled meanwhile.
fn soak(summary: &mut Summary, server: &Server, urls: &Path, seconds: u32) -> anyhow::Result<()> {
    let oha = crate::load::oha();
    let urls = urls.to_owned();
    let load = std::thread::spawn(move || Load::reads(&oha, &urls, 8, seconds).run());
    // About ten samples over the soak, the last one just before it ends.
    let every = Duration::from_secs(u64::from(seconds.div_ceil(10).max(1)));
    let mut next = Instant::now() + every;
    while !load.is_finished() {
        std::thread::sleep(Duration::from_millis(200));
        if Instant::now() >= next && !load.is_finished() {
            summary.rss_soak_series_mb.push(server.rss_mb()?);
            next += every;
        }
    }
    let figures = load
        .join()
        .map_err(|_| anyhow::anyhow!("the soak's load thread failed"))??;
    summary.record(&format!("coophub soak {seconds} s (c=8)"), figures);
    summary.rss_after_soak_mb = server.rss_mb()?;
    let resident = server.resident()?;
    summary.rss_after_soak_anon_mb = resident.anon_mb;
    summary.rss_after_soak_index_mb = resident.index_mb;
    summary.rss_after_soak_program_mb = resident.program_mb;
    summary.rss_after_soak_without_index_mb = resident.without_index_mb();
    println!(
        "  memory during the soak (MB): {:?}; after: {:.0} = {:.0} anonymous + {:.0} program \
         files + {:.0} index segments ({:.0} without the index)",
        summary
            .rss_soak_series_mb
            .iter()
            .map(|m| m.round())
            .collect::<Vec<_>>(),
        summary.rss_after_soak_mb,
        resident.anon_mb,
        resident.program_mb,
        resident.index_mb,
        resident.without_index_mb()
    );
    Ok(())
}
