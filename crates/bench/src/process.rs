//! The servers under test, each its own process (so that its memory is its
//! own): coophub (this executable re-run as `serve`, the same library code
//! and allocator as the `coophub` binary) and the baseline.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use anyhow::Context;

use crate::resident::{Resident, status_kb};

/// A running server, stopped when dropped.
pub struct Server {
    child: Child,
    /// `host:port`.
    pub address: String,
    /// Milliseconds the start-up rebuild of the index took, if it rebuilt.
    pub rebuild_ms: Option<f64>,
    /// Documents the start-up rebuild indexed.
    pub documents: Option<u64>,
    /// Seconds from spawning to listening.
    pub ready_s: f64,
    /// Its data directory (coophub's; the baseline has none).
    data: Option<PathBuf>,
}

impl Server {
    /// Starts coophub on `database_url`, its index in `data`, on a free
    /// port, as `program serve` (a build of this bench); the bench signs in
    /// often, so the login limit is lifted.
    pub fn coophub(program: &Path, data: &Path, database_url: &str) -> anyhow::Result<Self> {
        let started = Instant::now();
        let mut child = Command::new(program)
            .arg("serve")
            .env("COOPHUB_DATA_DIR", data)
            .env("COOPHUB_DATABASE_URL", database_url)
            .env(
                "COOPHUB_JWT_SECRET",
                "bench-secret-bench-secret-bench-secret",
            )
            .env("COOPHUB_LOGIN_ATTEMPTS_PER_ADDRESS", "1000")
            .env("COOPHUB_BIND", "127.0.0.1:0")
            .env("COOPHUB_LOG_FORMAT", "json")
            .env("RUST_LOG", "warn,coophub_indexer=info,coophub_server=info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        let stderr = child.stderr.take().context("no standard error")?;
        let mut lines = BufReader::new(stderr).lines();
        let (mut address, mut rebuild_ms, mut documents) = (None, None, None);
        for line in lines.by_ref().map_while(Result::ok) {
            // coophub's JSON log lines are flat: message and fields side by side.
            let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            if event["message"] == "rebuilt the search index" {
                // tracing writes a u128 as a string.
                rebuild_ms = event["elapsed_ms"]
                    .as_f64()
                    .or_else(|| event["elapsed_ms"].as_str()?.parse().ok());
                documents = event["documents"].as_u64();
            }
            if let Some(at) = event["address"].as_str() {
                address = Some(at.to_owned());
                break;
            }
        }
        // Keep reading, so that the server's writes never block or break.
        std::thread::spawn(move || lines.for_each(drop));
        let address = address.context("coophub did not start (its log said no address)")?;
        Ok(Self {
            child,
            address,
            rebuild_ms,
            documents,
            ready_s: started.elapsed().as_secs_f64(),
            data: Some(data.to_owned()),
        })
    }

    /// Starts the PostgreSQL full-text baseline on the database at `url`.
    pub fn baseline(url: &str) -> anyhow::Result<Self> {
        let started = Instant::now();
        let mut child = Command::new(std::env::current_exe()?)
            .args(["baseline", "--database", url, "--bind", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .spawn()?;
        let stdout = child.stdout.take().context("no standard output")?;
        let mut lines = BufReader::new(stdout).lines();
        let address = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("listening on ").map(str::to_owned))
            .context("the baseline did not start")?;
        std::thread::spawn(move || lines.for_each(drop));
        Ok(Self {
            child,
            address,
            rebuild_ms: None,
            documents: None,
            ready_s: started.elapsed().as_secs_f64(),
            data: None,
        })
    }

    /// `http://host:port`.
    pub fn base(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Resident memory now, in MB (`VmRSS`).
    pub fn rss_mb(&self) -> anyhow::Result<f64> {
        self.status_mb("VmRSS")
    }

    /// Resident memory now by what holds it.
    pub fn resident(&self) -> anyhow::Result<Resident> {
        let data = self
            .data
            .as_deref()
            .context("only coophub has a data directory")?;
        Resident::of(self.child.id(), data)
    }

    /// A `kB` figure of `/proc/PID/status`, in MB.
    fn status_mb(&self, key: &str) -> anyhow::Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        Ok(status_kb(&status, key)? / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}
