use super::*;

fn gbp(amount: i64) -> Money {
    Money {
        amount,
        currency: "gbp".into(),
    }
}

fn draft() -> OfferDraft {
    OfferDraft {
        title: " Django developer ".into(),
        skills: vec![OfferSkillDraft {
            skill: "django-3".into(),
            level: 4,
        }],
        days_per_week: 2.5,
        start: "2027-01-04".parse().ok(),
        end: "2027-03-26".parse().ok(),
        work_mode: Some(WorkMode::Remote),
        day_rate: Some(gbp(45_000)),
        robin_hood_rate: Some(gbp(30_000)),
        ..OfferDraft::default()
    }
}

#[test]
fn a_sound_offer_is_trimmed_and_counted_in_half_days() {
    let offer = OfferInput::parse(draft()).unwrap();
    assert_eq!(offer.title, "Django developer");
    assert_eq!(offer.half_days, 5);
    assert_eq!(offer.skills[0].1, 4);
    assert_eq!(offer.day_rate.unwrap().currency, "GBP");
    assert_eq!(offer.status, OfferStatus::Open);
}

#[test]
fn every_problem_is_reported_at_its_pointer() {
    let errors = OfferInput::parse(OfferDraft {
        title: "  ".into(),
        skills: vec![OfferSkillDraft {
            skill: "!!".into(),
            level: 9,
        }],
        days_per_week: 5.5,
        start: "2027-03-01".parse().ok(),
        end: "2027-02-01".parse().ok(),
        day_rate: Some(Money {
            amount: -1,
            currency: "pounds".into(),
        }),
        ..OfferDraft::default()
    })
    .unwrap_err();
    let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/title",
            "/skills/0/skill",
            "/skills/0/level",
            "/days_per_week",
            "/end",
            "/work_mode",
            "/day_rate/amount",
            "/day_rate/currency"
        ]
    );
}

#[test]
fn the_robin_hood_rate_is_never_above_the_day_rate() {
    let mut above = draft();
    above.robin_hood_rate = Some(gbp(50_000));
    let errors = OfferInput::parse(above).unwrap_err();
    assert_eq!(errors.0[0].pointer, "/robin_hood_rate");
    let mut elsewhere = draft();
    elsewhere.robin_hood_rate = Some(Money {
        amount: 100,
        currency: "EUR".into(),
    });
    assert!(OfferInput::parse(elsewhere).is_err());
    let mut missing_dates = draft();
    missing_dates.start = None;
    missing_dates.end = None;
    let errors = OfferInput::parse(missing_dates).unwrap_err();
    let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/start", "/end"]);
}
