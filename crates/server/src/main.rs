//! The `coophub` binary.

use std::process::ExitCode;

use clap::Parser;
use coophub_server::cli::{AdminCommand, Cli, Command, ExportCommand, ImportCommand, SyncCommand};
use coophub_server::{Application, Settings, commands, init_logging};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default = Command::Serve { demo: false };
    let command = cli.command.as_ref().unwrap_or(&default);
    if let Command::Openapi = command {
        return report(commands::print_openapi());
    }
    let settings = match Settings::load(
        cli.config.as_deref(),
        &|var| std::env::var(var).ok(),
        &cli.flag_settings(),
    ) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    init_logging(settings.log_format);
    let result = actix_web::rt::System::new().block_on(async {
        match command {
            Command::Serve { demo: true } => commands::serve_demo(&settings).await,
            Command::Serve { demo: false } => Application::build(&settings)
                .await?
                .run_until_stopped()
                .await
                .map_err(Into::into),
            Command::Migrate => commands::migrate(&settings).await,
            Command::Admin(AdminCommand::Create { email, name }) => {
                commands::create_admin(&settings, email, name).await
            }
            Command::Openapi => commands::print_openapi(),
            Command::Import(ImportCommand::Cotech { dir }) => {
                commands::import_cotech(&settings, dir.clone()).await
            }
            Command::Import(ImportCommand::Ocds { files }) => {
                commands::import_ocds(&settings, files.clone()).await
            }
            Command::Import(ImportCommand::Ndjson { file }) => {
                commands::restore(&settings, file.clone()).await
            }
            Command::Export {
                what: Some(ExportCommand::Civicrm { output }),
                ..
            } => commands::export_civicrm(&settings, output.clone()).await,
            Command::Export { what: None, output } => {
                commands::export(&settings, output.clone()).await
            }
            Command::Sync(SyncCommand::Ocds { url, since }) => {
                commands::sync_ocds(&settings, url, *since).await
            }
            Command::Reindex => commands::reindex(&settings).await,
            Command::Backup { file } => commands::backup(&settings, file.clone()).await,
        }
    });
    report(result)
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`coophub openapi | head`): what it wanted
        // was written, as for any Unix filter.
        Err(error) if closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether `error` comes from writing to a pipe whose reader has gone.
fn closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
