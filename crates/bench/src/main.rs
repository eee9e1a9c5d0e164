//! `coophub-bench`: generates networks and measures coophub's HTTP search
//! beside a PostgreSQL full-text baseline (docs/PERFORMANCE.md).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod baseline;
mod corpus;
mod fresh;
mod generate;
mod load;
mod pages;
mod process;
mod queries;
mod report;
mod resident;
mod run;
mod soak;
mod suggest;

#[derive(Parser)]
#[command(
    name = "coophub-bench",
    about = "Generated networks and the search benchmark"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes a generated network into an empty database, through the store.
    Generate {
        /// `sqlite://FILE` or `postgres://...`; migrated first.
        #[arg(long)]
        database: String,
        #[command(flatten)]
        size: generate::Size,
    },
    /// Prints the query set as URLs of a server at `base` (for oha, or a
    /// profiler run by hand).
    Queries(QuerySet),
    /// Recall@10 on the set's typo queries, as a running server answers them.
    Recall(QuerySet),
    /// The benchmark: generates, loads every engine, prints the table.
    Run(run::RunArgs),
    /// The mixed soak: searches, reads, updates, placement asks and imports
    /// at fixed rates, latency and memory per window.
    Soak(soak::SoakArgs),
    /// (Used by `run`.) Serves coophub as the `coophub` binary does, with
    /// its settings from the environment.
    #[command(hide = true)]
    Serve,
    /// (Used by `run`.) Serves the PostgreSQL full-text baseline.
    #[command(hide = true)]
    Baseline {
        /// The database `run` built the baseline in.
        #[arg(long)]
        database: String,
        /// Where to listen.
        #[arg(long)]
        bind: String,
    },
}

/// The query set, as a server at `base` is asked it.
#[derive(Debug, clap::Args)]
struct QuerySet {
    /// `http://host:port` of the server.
    #[arg(long)]
    base: String,
    /// Queries in the set.
    #[arg(long, default_value_t = 240)]
    count: usize,
    /// Seed of the queries.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Generate { database, size } => generate_into(&database, size),
        Command::Queries(QuerySet { base, count, seed }) => {
            for query in queries::query_set(count, seed) {
                println!("{base}/api/v1/search?{}", query.query);
            }
            Ok(())
        }
        Command::Recall(QuerySet { base, count, seed }) => run::recall_of(&base, count, seed),
        Command::Run(args) => run::run(&args).map(drop),
        Command::Soak(args) => soak::soak(&args).map(drop),
        Command::Serve => serve(),
        Command::Baseline { database, bind } => baseline::serve(&database, &bind),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn generate_into(database: &str, size: generate::Size) -> anyhow::Result<()> {
    let store = coophub_store::Store::connect(database, coophub_store::PoolOptions::default())?;
    store.migrate()?;
    let generated = generate::generate(&store, size)?;
    println!(
        "generated {} co-ops, {} people, {} offers and {} tenders in {:.1} s",
        size.coops, size.people, size.offers, size.opportunities, generated.seconds
    );
    Ok(())
}

fn serve() -> anyhow::Result<()> {
    let settings = coophub_server::Settings::load(None, &|var| std::env::var(var).ok(), &[])?;
    coophub_server::init_logging(settings.log_format);
    actix_web::rt::System::new().block_on(async {
        coophub_server::Application::build(&settings)
            .await?
            .run_until_stopped()
            .await?;
        anyhow::Ok(())
    })
}
