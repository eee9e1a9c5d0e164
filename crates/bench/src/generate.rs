//! Writes a generated network through the store (not the API), so that 100k
//! people take seconds, on SQLite or PostgreSQL: co-ops in UK towns, their
//! people with skills, levels and availability, offers of their time with
//! dates, and tenders with CPV codes. The same seed gives the same network.

use std::time::Instant;

use anyhow::Context;
use chrono::{DateTime, Days, Utc};
use coophub_domain::NewPassword;
use coophub_domain::bidding::{Period, TenderRelease, TenderValue};
use coophub_domain::coop::{
    CoopDraft, CoopInput, LegalForm, LocationInput, Membership, MembershipOrigin, MembershipStatus,
};
use coophub_domain::person::{PersonDraft, PersonInput, PersonSkillDraft, Visibility};
use coophub_domain::sharing::{OfferDraft, OfferInput, OfferSkillDraft, WorkMode};
use coophub_store::{DbConnection, Store};
use diesel::Connection;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use crate::corpus::{self, pick};

/// How big a network to generate.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Size {
    /// Co-ops.
    #[arg(long, default_value_t = 1_000)]
    pub coops: usize,
    /// People, spread over the co-ops.
    #[arg(long, default_value_t = 10_000)]
    pub people: usize,
    /// Offers of people's time.
    #[arg(long, default_value_t = 2_000)]
    pub offers: usize,
    /// Tenders (opportunities).
    #[arg(long, default_value_t = 500)]
    pub opportunities: usize,
    /// Seed of the random choices.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

impl Size {
    /// The network the benchmark uses for `scale` people: a co-op per ten
    /// people, an offer per five, a tender per twenty.
    pub fn at_scale(scale: usize, seed: u64) -> Self {
        Self {
            coops: (scale / 10).max(1),
            people: scale,
            offers: scale / 5,
            opportunities: scale / 20,
            seed,
        }
    }
}

/// The account the benchmark signs in with: admin of the first co-ops.
pub const BENCH_EMAIL: &str = "bench@coophub.example";
/// Its password.
pub const BENCH_PASSWORD: &str = "bench-password-not-secret";
/// How many co-ops it administers (their people are the ones it updates).
const ADMINISTERED: usize = 20;
/// Co-ops written per transaction.
const BATCH: usize = 250;

/// What was generated.
#[derive(Debug, Default)]
pub struct Generated {
    /// People of the co-ops the bench account administers.
    pub editable_people: Vec<Uuid>,
    /// Seconds it took.
    pub seconds: f64,
}

/// Writes a network of `size` into the (migrated, empty) database of `store`.
pub fn generate(store: &Store, size: Size) -> anyhow::Result<Generated> {
    let started = Instant::now();
    let now = Utc::now();
    let mut rng = StdRng::seed_from_u64(size.seed);
    let mut conn = store.conn()?;
    coophub_store::skills::seed(&mut conn, now)?;
    let account = bench_account(&mut conn, now)?;
    let people_of = spread(&mut rng, size.people, size.coops, 1);
    let offers_of = spread(&mut rng, size.offers, size.coops, 0);
    let mut generated = Generated::default();
    for first in (0..size.coops).step_by(BATCH) {
        let last = (first + BATCH).min(size.coops);
        conn.transaction::<_, anyhow::Error, _>(|conn| {
            for n in first..last {
                let admin = (n < ADMINISTERED).then_some(account);
                let coop = coop(conn, &mut rng, n, admin, now)?;
                let mut people = Vec::with_capacity(people_of[n]);
                for _ in 0..people_of[n] {
                    people.push(person(conn, &mut rng, coop, now)?);
                }
                if admin.is_some() {
                    generated.editable_people.extend(&people);
                }
                coophub_store::sharing::lock_capacity(conn, coop)?;
                for _ in 0..offers_of[n] {
                    let by = people
                        .get(rng.random_range(0..people.len().max(1)))
                        .copied();
                    offer(conn, &mut rng, coop, by, now)?;
                }
            }
            Ok(())
        })
        .with_context(|| format!("writing co-ops {first} to {last}"))?;
    }
    for first in (0..size.opportunities).step_by(BATCH * 4) {
        let last = (first + BATCH * 4).min(size.opportunities);
        conn.transaction::<_, anyhow::Error, _>(|conn| {
            for n in first..last {
                tender(conn, &mut rng, n, now)?;
            }
            Ok(())
        })?;
    }
    generated.seconds = started.elapsed().as_secs_f64();
    Ok(generated)
}

/// `total` things over `buckets`, at least `floor` each, the rest at random.
fn spread(rng: &mut StdRng, total: usize, buckets: usize, floor: usize) -> Vec<usize> {
    let mut counts = vec![floor; buckets];
    for _ in 0..total.saturating_sub(floor * buckets) {
        counts[rng.random_range(0..buckets)] += 1;
    }
    counts
}

fn bench_account(conn: &mut DbConnection, now: DateTime<Utc>) -> anyhow::Result<Uuid> {
    let hash = NewPassword::parse(BENCH_PASSWORD, "/password")
        .map_err(|e| anyhow::anyhow!("{e:?}"))?
        .hash()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let user = coophub_store::users::insert(
        conn,
        &coophub_store::users::NewUser {
            email: BENCH_EMAIL,
            name: "Benchmark",
            password_hash: &hash,
            network_admin: false,
        },
        now,
    )?;
    Ok(user.id)
}

fn invalid(errors: coophub_domain::ValidationErrors) -> anyhow::Error {
    anyhow::anyhow!("a generated record is invalid: {errors:?}")
}

fn coop(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    n: usize,
    admin: Option<Uuid>,
    now: DateTime<Utc>,
) -> anyhow::Result<Uuid> {
    let town = pick(rng, corpus::TOWNS);
    let (latitude, longitude) = corpus::near(rng, town);
    let name = format!(
        "{} {} {}",
        pick(rng, corpus::NAME_WORDS),
        pick(rng, corpus::NAME_WORDS),
        pick(rng, corpus::NAME_ENDINGS)
    );
    let technologies = corpus::skills(rng, 2, 8);
    let summary = format!(
        "Worker co-op in {} building with {} and {}",
        town.0, technologies[0], technologies[1]
    );
    let draft = CoopDraft {
        slug: format!("bench-{n}"),
        name,
        summary: Some(summary),
        location: LocationInput {
            locality: Some(town.0.into()),
            region: Some(town.1.into()),
            country: Some("GB".into()),
            latitude: Some(latitude),
            longitude: Some(longitude),
            ..LocationInput::default()
        },
        legal_form: Some(*pick(
            rng,
            &[
                LegalForm::CooperativeSociety,
                LegalForm::CompanyLimitedByGuarantee,
                LegalForm::CompanyLimitedByShares,
                LegalForm::Cic,
            ],
        )),
        technologies: technologies.iter().map(|s| (*s).to_owned()).collect(),
        ..CoopDraft::default()
    };
    let membership = Membership {
        status: MembershipStatus::Approved,
        origin: Some(MembershipOrigin::Founding),
        fund_contribution: None,
        invited_at: None,
        member_since: None,
        changed_at: now,
    };
    let input = CoopInput::parse(draft).map_err(invalid)?;
    Ok(coophub_store::coops::insert(conn, &input, &membership, admin, now)?.id)
}

fn person(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    coop: Uuid,
    now: DateTime<Utc>,
) -> anyhow::Result<Uuid> {
    let skills = corpus::skills(rng, 1, 6);
    let available = rng.random_bool(0.4);
    let draft = PersonDraft {
        name: format!("{} {}", pick(rng, corpus::GIVEN), pick(rng, corpus::FAMILY)),
        headline: Some(format!("{} {}", skills[0], pick(rng, corpus::ROLES))),
        skills: skills
            .iter()
            .map(|skill| PersonSkillDraft {
                skill: (*skill).to_owned(),
                level: rng.random_range(1..=5),
                interest: rng.random_range(1..=5),
            })
            .collect(),
        days_per_week: available.then(|| f64::from(rng.random_range(1..=10_u8)) / 2.0),
        available_from: available.then(|| in_days(now, rng.random_range(0..90))),
        day_rate: Some(rng.random_range(250..=650)),
        visibility: if rng.random_bool(0.1) {
            Visibility::Network
        } else {
            Visibility::Public
        },
        ..PersonDraft::default()
    };
    let input = PersonInput::parse(draft).map_err(invalid)?;
    Ok(coophub_app::directory::people::insert(conn, coop, &input, None, now)?.id)
}

fn in_days(now: DateTime<Utc>, days: u64) -> chrono::NaiveDate {
    now.date_naive()
        .checked_add_days(Days::new(days))
        .unwrap_or(now.date_naive())
}

fn offer(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    coop: Uuid,
    person: Option<Uuid>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let skills = corpus::skills(rng, 1, 3);
    let start = in_days(now, rng.random_range(0..60));
    let draft = OfferDraft {
        person,
        title: format!("{} {}", skills[0], pick(rng, corpus::ROLES)),
        skills: skills
            .iter()
            .map(|skill| OfferSkillDraft {
                skill: (*skill).to_owned(),
                level: rng.random_range(2..=5),
            })
            .collect(),
        days_per_week: f64::from(rng.random_range(1..=10_u8)) / 2.0,
        start: Some(start),
        end: start.checked_add_days(Days::new(rng.random_range(30..180))),
        work_mode: Some(*pick(
            rng,
            &[WorkMode::Remote, WorkMode::Hybrid, WorkMode::Onsite],
        )),
        ..OfferDraft::default()
    };
    let input = OfferInput::parse(draft).map_err(invalid)?;
    coophub_app::sharing::offers::insert(conn, coop, &input, now)?;
    Ok(())
}

fn tender(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    n: usize,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let town = pick(rng, corpus::TOWNS);
    let skills = corpus::skills(rng, 1, 3);
    let deadline = now + chrono::Duration::days(rng.random_range(7..90));
    let release = TenderRelease {
        ocid: format!("ocds-bench-{n}"),
        release_id: format!("ocds-bench-{n}-1"),
        release_date: now,
        tags: vec!["tender".into()],
        title: format!("{} {} for {}", skills[0], pick(rng, corpus::ROLES), town.0),
        description: format!(
            "{} {} seeks a supplier with {} experience",
            town.0,
            pick(rng, corpus::BUYERS),
            skills.join(", ")
        ),
        buyer_name: Some(format!("{} {}", town.0, pick(rng, corpus::BUYERS))),
        buyer_id: None,
        region: Some(town.1.into()),
        place: Some(town.0.into()),
        value: Some(TenderValue {
            amount: rng.random_range(10_000..500_000) * 100,
            gross: None,
            currency: "GBP".into(),
        }),
        deadline: Some(deadline),
        enquiry_deadline: None,
        contract_period: Period::default(),
        procurement_method: Some("open".into()),
        cpv: vec![(*pick(rng, corpus::CPV)).to_owned()],
        lots: Vec::new(),
        documents: Vec::new(),
        suitable_for_sme: Some(true),
        suitable_for_vcse: Some(rng.random_bool(0.5)),
        status: Some("active".into()),
    };
    let extra: Vec<_> = skills
        .iter()
        .filter_map(|s| coophub_domain::skills::SkillName::parse(s, "/skills").ok())
        .collect();
    coophub_app::bidding::opportunities::upsert(
        conn,
        &release,
        &extra,
        coophub_store::bidding::opportunities::Source::NETWORK_IMPORT,
        now,
    )?;
    Ok(())
}
