use chrono::{Duration, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use super::*;
use crate::person::{Availability, PersonSkill, Visibility};
use crate::sharing::{DateRange, LevelledSkill, OfferStatus};
use crate::skills::{Skill, SkillCategory};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap()
}

fn skill(slug: &str, name: &str) -> Skill {
    Skill {
        slug: slug.into(),
        name: name.into(),
        category: SkillCategory::Technology,
        esco_uri: None,
    }
}

fn offer() -> Offer {
    let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    Offer {
        id: Uuid::nil(),
        coop_id: Uuid::nil(),
        person_id: None,
        title: "Rust developer".into(),
        skills: vec![LevelledSkill {
            skill: skill("rust", "Rust"),
            level: 4,
        }],
        half_days: 4,
        dates: DateRange::new(day(1), day(26)).unwrap(),
        work_mode: WorkMode::Remote,
        location: None,
        day_rate: None,
        robin_hood_rate: None,
        notes: "Embedded and web services".into(),
        status: OfferStatus::Open,
        reconfirmed_at: now() - Duration::days(1),
        version: 1,
        created_at: now(),
        updated_at: now(),
    }
}

fn person() -> Person {
    Person {
        id: Uuid::nil(),
        coop_id: Uuid::nil(),
        name: "Ada".into(),
        headline: "Accessibility specialist".into(),
        bio: String::new(),
        skills: vec![PersonSkill {
            skill: skill("rust", "Rust"),
            level: 2,
            interest: 5,
        }],
        availability: Some(Availability {
            days_per_week: 3.0,
            from: NaiveDate::from_ymd_opt(2027, 1, 11).unwrap(),
            reconfirmed_at: now() - Duration::days(2),
        }),
        day_rate: None,
        visibility: Visibility::Public,
        user_id: None,
        contact: Default::default(),
        version: 1,
        created_at: now(),
        updated_at: now(),
    }
}

fn filters(level: Option<u8>, days: Option<f64>) -> AlertFilters {
    AlertFilters {
        skills: vec!["rust".into()],
        min_level: level,
        min_days_per_week: days,
        ..AlertFilters::default()
    }
}

#[test]
fn an_offer_matches_on_every_filter_and_says_why() {
    let all = AlertFilters {
        work_mode: Some(WorkMode::Remote),
        words: Some("web".into()),
        ..filters(Some(4), Some(2.0))
    };
    assert_eq!(
        offer_match(&all, &offer(), now()).unwrap(),
        [
            "offers Rust (level 4)",
            "remote",
            "2 days a week",
            "mentions web"
        ]
    );
    assert!(offer_match(&filters(Some(5), None), &offer(), now()).is_none());
    assert!(offer_match(&filters(None, Some(2.5)), &offer(), now()).is_none());
    let on_site = AlertFilters {
        work_mode: Some(WorkMode::Onsite),
        ..AlertFilters::default()
    };
    assert!(offer_match(&on_site, &offer(), now()).is_none());
    let paused = Offer {
        status: OfferStatus::Paused,
        ..offer()
    };
    assert!(offer_match(&AlertFilters::default(), &paused, now()).is_none());
    let lapsed = Offer {
        reconfirmed_at: now() - Duration::days(400),
        ..offer()
    };
    assert!(offer_match(&AlertFilters::default(), &lapsed, now()).is_none());
}

#[test]
fn free_days_match_only_for_readers_who_see_availability_while_it_holds() {
    let wanted = filters(Some(2), Some(2.5));
    assert_eq!(
        person_match(&wanted, &person(), true, now()).unwrap(),
        ["has Rust (level 2)", "free 3 days a week from 2027-01-11"]
    );
    assert!(person_match(&wanted, &person(), false, now()).is_none());
    let later = now() + Duration::days(40);
    assert!(person_match(&wanted, &person(), true, later).is_none());
    assert!(person_match(&filters(Some(3), None), &person(), true, now()).is_none());
    let words = AlertFilters {
        words: Some("ACCESSIBILITY ada".into()),
        ..AlertFilters::default()
    };
    assert!(person_match(&words, &person(), false, now()).is_some());
}
