//! Benchmarks of the search engine on a generated corpus of 100k documents:
//! a full query (typos, filter, facets, snippets), write-to-searchable, and a
//! rebuild. Targets live in docs/PERFORMANCE.md; run with `cargo bench -p coophub-search`.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use coophub_domain::skills::SEED;
use coophub_search::{DocKind, SearchDocument, SearchIndex, SearchRequest, SkillEntry};
use criterion::{Criterion, criterion_group, criterion_main};

const DOCUMENTS: usize = 100_000;
const REGIONS: [&str; 12] = [
    "London",
    "South East",
    "South West",
    "East of England",
    "West Midlands",
    "East Midlands",
    "Yorkshire and the Humber",
    "North West",
    "North East",
    "Wales",
    "Scotland",
    "Northern Ireland",
];
const SYLLABLES: [&str; 16] = [
    "co", "op", "web", "dat", "ka", "lo", "mer", "ton", "ri", "sa", "ven", "dor", "pix", "el",
    "nu", "gra",
];
const WORDS: [&str; 12] = [
    "digital",
    "agency",
    "developer",
    "designer",
    "worker",
    "owned",
    "charities",
    "accessible",
    "websites",
    "research",
    "hosting",
    "community",
];

/// A small deterministic generator (no dependency, same corpus every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

fn document(n: usize, rng: &mut Lcg) -> SearchDocument {
    let kind = if n.is_multiple_of(5) {
        DocKind::Coop
    } else {
        DocKind::Person
    };
    let name: String = (0..3)
        .map(|_| SYLLABLES[rng.next(SYLLABLES.len())])
        .collect();
    let summary: Vec<&str> = (0..8).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    let skills = (0..1 + rng.next(6))
        .map(|_| {
            let seed = &SEED[rng.next(SEED.len())];
            SkillEntry {
                slug: seed.slug.into(),
                name: seed.name.into(),
                level: 1 + rng.next(5) as u8,
            }
        })
        .collect();
    let region = REGIONS[rng.next(REGIONS.len())];
    SearchDocument {
        kind,
        id: format!("doc-{n}"),
        slug: (kind == DocKind::Coop).then(|| format!("{name}-{n}")),
        title: format!(
            "{name} {}",
            if kind == DocKind::Coop {
                "co-op"
            } else {
                "person"
            }
        ),
        summary: summary.join(" "),
        description: String::new(),
        clients: Vec::new(),
        skills,
        region: Some(region.into()),
        country: Some("GB".into()),
        legal_form: (kind == DocKind::Coop).then(|| "cooperative_society".into()),
        location: Some((
            50.0 + rng.next(8000) as f64 / 1000.0,
            -5.0 + rng.next(6000) as f64 / 1000.0,
        )),
        public: rng.next(10) != 0,
        standing: None,
        availability: None,
        updated: n as i64,
        expires: None,
    }
}

fn corpus() -> Vec<SearchDocument> {
    let mut rng = Lcg(7);
    (0..DOCUMENTS).map(|n| document(n, &mut rng)).collect()
}

fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// Runs `work` `runs` times and prints the median and 99th percentile.
fn percentiles(label: &str, runs: usize, mut work: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{label}: p50 {:.2} ms, p99 {:.2} ms ({runs} runs)",
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3
    );
}

fn aliases(word: &str) -> Option<String> {
    (word == "postgres").then(|| "postgresql".into())
}

fn benches(c: &mut Criterion) {
    let documents = corpus();
    let index = SearchIndex::in_ram().unwrap();
    let started = Instant::now();
    index.apply(&documents, &[]).unwrap();
    println!(
        "built {} documents in {:.2} s; resident memory {:.0} MB",
        index.len(),
        started.elapsed().as_secs_f64(),
        resident_mb().unwrap_or(f64::NAN)
    );

    let full = SearchRequest {
        q: "wordpres devloper".into(),
        region: Some("yorkshire and the humber".into()),
        limit: 20,
        ..SearchRequest::default()
    };
    percentiles("full query", 2000, || {
        index.search(&full, &aliases).unwrap();
    });
    let mut writes = Lcg(1234);
    let mut next = DOCUMENTS * 2;
    percentiles("write to searchable", 300, || {
        next += 1;
        index.apply(&[document(next, &mut writes)], &[]).unwrap();
    });
    c.bench_function(
        "query: typos + region filter + facets + snippets, 100k docs",
        |b| b.iter(|| index.search(&full, &aliases).unwrap()),
    );
    let broad = SearchRequest {
        q: "digital".into(),
        limit: 20,
        network: true,
        ..SearchRequest::default()
    };
    c.bench_function("query: one common word, 100k docs", |b| {
        b.iter(|| index.search(&broad, &aliases).unwrap())
    });

    let mut rng = Lcg(99);
    let mut n = DOCUMENTS;
    c.bench_function("write to searchable: one document, 100k docs", |b| {
        b.iter(|| {
            n += 1;
            index.apply(&[document(n, &mut rng)], &[]).unwrap();
        })
    });

    let mut group = c.benchmark_group("rebuild");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function("rebuild: 100k documents into a new index", |b| {
        b.iter(|| {
            let fresh = SearchIndex::in_ram().unwrap();
            fresh.apply(&documents, &[]).unwrap();
        })
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
