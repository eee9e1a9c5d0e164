use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_runway_is_the_balance_over_the_recent_monthly_spend() {
    let spending = [
        (day(2026, 9, 15), 50_000),
        (day(2026, 10, 1), 30_000),
        (day(2026, 12, 1), 10_000),
        (day(2026, 12, 30), 99_999),
    ];
    let today = day(2026, 12, 2);
    let run = runway(100_000, &spending, today, 3);
    assert_eq!(run.spent_in_them, 40_000, "October to today");
    assert_eq!(run.monthly_spend, 13_333);
    assert_eq!(run.months_left, Some(7));
    assert_eq!(run.runs_out_in.as_deref(), Some("2027-07"));
    let idle = runway(100_000, &[], today, 6);
    assert_eq!((idle.months_left, idle.runs_out_in), (None, None));
    assert_eq!(runway(-5, &spending, today, 3).months_left, Some(0));
}

#[test]
fn suggestions_by_size_pick_the_first_band_that_fits() {
    let bands = FundSuggestion::BySize {
        bands: vec![
            Band {
                up_to_members: Some(5),
                amount: 10_000,
            },
            Band {
                up_to_members: None,
                amount: 40_000,
            },
        ],
    };
    assert_eq!(bands.for_members(Some(3)), Some(10_000));
    assert_eq!(bands.for_members(Some(30)), Some(40_000));
    assert_eq!(bands.for_members(None), Some(10_000));
    assert_eq!(FundSuggestion::None.for_members(Some(3)), None);
}

#[test]
fn a_decline_is_an_answer_and_every_wrong_field_is_named() {
    assert_eq!(
        contribution(Some(&Answer::Declined)),
        Some(crate::coop::FundContribution::NonPaying)
    );
    assert_eq!(contribution(None), None);
    let declined = PledgeDraft {
        amount: None,
        declined: Some(true),
    };
    assert_eq!(declined.parse("GBP").unwrap(), Answer::Declined);
    let wrong = PledgeDraft {
        amount: Some((0, "eur".into())),
        declined: None,
    };
    let pointers: Vec<String> = wrong
        .parse("GBP")
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| e.pointer)
        .collect();
    assert_eq!(pointers, ["/amount/amount", "/amount/currency"]);
    let year = YearDraft {
        year: 1999,
        purpose: " ".into(),
        suggested_bands: vec![
            BandDraft {
                up_to_members: None,
                amount: 5,
            },
            BandDraft {
                up_to_members: Some(3),
                amount: 0,
            },
        ],
        ..YearDraft::default()
    };
    let pointers: Vec<String> = YearInput::parse(year)
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| e.pointer)
        .collect();
    assert_eq!(
        pointers,
        [
            "/year",
            "/purpose",
            "/suggested_bands/0/up_to_members",
            "/suggested_bands/1/amount"
        ]
    );
    assert!(!invoice_paid(100, 99) && invoice_paid(100, 100));
}

/// What the OpenAPI document states of bands is what is kept: at most
/// `MAX_BANDS` of them, none bounded above `MAX_BAND_MEMBERS`.
#[test]
fn bands_are_bounded_as_the_document_says() {
    let band = |up_to_members: Option<i64>| BandDraft {
        up_to_members,
        amount: 100,
    };
    let year = |suggested_bands: Vec<BandDraft>| YearDraft {
        year: 2027,
        purpose: "Shared tools".into(),
        suggested_bands,
        ..YearDraft::default()
    };
    let mut many: Vec<BandDraft> = (1..=MAX_BANDS as i64).map(|n| band(Some(n))).collect();
    many.push(band(None));
    let refused = YearInput::parse(year(many)).unwrap_err().0;
    assert_eq!(refused[0].pointer, "/suggested_bands");
    let most = i64::from(MAX_BAND_MEMBERS);
    assert!(YearInput::parse(year(vec![band(Some(most)), band(None)])).is_ok());
    let refused = YearInput::parse(year(vec![band(Some(most + 1)), band(None)]))
        .unwrap_err()
        .0;
    assert_eq!(refused[0].pointer, "/suggested_bands/0/up_to_members");
}
