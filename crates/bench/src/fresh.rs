//! Write-to-searchable over HTTP: a profile update answered means the next
//! search on that instance finds it (the write waits for the index), so the
//! update's latency is the time to searchable; each one is then searched for
//! by a word only it contains, to check.

use std::time::Instant;

use anyhow::Context;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::generate::{BENCH_EMAIL, BENCH_PASSWORD};
use crate::report::percentile;

/// Signs the bench account in; answers the bearer token.
pub fn sign_in(base: &str) -> anyhow::Result<String> {
    let answer: Value = reqwest::blocking::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": BENCH_EMAIL, "password": BENCH_PASSWORD}))
        .send()?
        .error_for_status()?
        .json()?;
    Ok(answer["access_token"]
        .as_str()
        .context("no access token")?
        .to_owned())
}

/// A profile as the update sends it, with `word` in its headline.
pub fn profile(word: &str) -> Value {
    json!({
        "name": "Benchmark Person",
        "headline": format!("Rust developer {word}"),
        "skills": [{"skill": "Rust", "level": 4, "interest": 5}],
        "visibility": "public",
    })
}

/// A word nothing else contains: letters only, so that no engine splits it.
fn marker(n: usize) -> String {
    let mut word = String::from("zqfresh");
    let mut n = n;
    loop {
        word.push(char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)));
        n /= 26;
        if n == 0 {
            return word;
        }
    }
}

/// Write-to-searchable figures.
#[derive(Debug, Default, Clone, Copy)]
pub struct Freshness {
    /// Median of update-answered, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Updates the next search found.
    pub found: usize,
    /// Updates made.
    pub updates: usize,
}

/// Makes `updates` updates of `people` one after another at `base`.
pub fn measure(
    base: &str,
    token: &str,
    people: &[Uuid],
    updates: usize,
) -> anyhow::Result<Freshness> {
    let client = reqwest::blocking::Client::new();
    let mut took = Vec::with_capacity(updates);
    let mut found = 0;
    for n in 0..updates {
        let person = people[n % people.len()];
        let word = marker(n);
        let started = Instant::now();
        client
            .put(format!("{base}/api/v1/people/{person}"))
            .bearer_auth(token)
            .json(&profile(&word))
            .send()?
            .error_for_status()?;
        took.push(started.elapsed().as_secs_f64() * 1000.0);
        let hits: Value = client
            .get(format!("{base}/api/v1/search?q={word}"))
            .send()?
            .error_for_status()?
            .json()?;
        let id = person.to_string();
        if hits["hits"]
            .as_array()
            .is_some_and(|h| h.iter().any(|hit| hit["id"] == id.as_str()))
        {
            found += 1;
        }
    }
    Ok(Freshness {
        p50_ms: percentile(&mut took, 0.5),
        p99_ms: percentile(&mut took, 0.99),
        found,
        updates,
    })
}
