use chrono::NaiveDate;

use super::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn dates(start: &str, end: &str) -> DateRange {
    DateRange::new(day(start), day(end)).unwrap()
}

fn skills(list: &[(&str, u8)]) -> Vec<(String, u8)> {
    list.iter().map(|(s, l)| ((*s).to_owned(), *l)).collect()
}

fn gbp(pounds: i64) -> Money {
    Money {
        amount: pounds * 100,
        currency: "GBP".into(),
    }
}

/// An open-ended remote offer of three days a week from York.
fn offer<'a>(skills: &'a [(String, u8)], rate: &'a Money) -> Offered<'a> {
    Offered {
        skills,
        half_days: 6,
        dates: dates("2027-01-01", "2027-06-30"),
        work_mode: WorkMode::Remote,
        location: Some((53.96, -1.08)),
        day_rate: Some(rate),
        robin_hood_rate: None,
        booked: &[],
        person_booked: None,
    }
}

#[test]
fn offers_are_ranked_by_skills_then_free_time_and_explain_why() {
    let asked = skills(&[("django", 3), ("react", 2)]);
    let budget = gbp(420);
    let wanted = Wanted {
        skills: &asked,
        half_days: 4,
        dates: dates("2027-01-04", "2027-02-26"),
        work_mode: Some(WorkMode::Remote),
        location: Some((53.80, -1.55)),
        budget: Some(&budget),
        social_good: false,
    };
    let strong = skills(&[("django", 4), ("react", 3)]);
    let weak = skills(&[("django", 2)]);
    let rate = gbp(400);
    let busy_until = [Booking {
        range: dates("2027-01-01", "2027-01-31"),
        half_days: 4,
    }];
    let a = fit(&wanted, &offer(&strong, &rate));
    let b = fit(&wanted, &offer(&weak, &rate));
    let c = fit(
        &wanted,
        &Offered {
            booked: &busy_until,
            ..offer(&strong, &rate)
        },
    );

    assert_eq!(a.covered, [("django".into(), 4, 3), ("react".into(), 3, 2)]);
    assert!(a.missing.is_empty() && a.least_free == 6 && a.rate == RateFit::Within);
    assert_eq!(
        b.missing,
        ["django", "react"],
        "level 2 is below the 3 asked"
    );
    assert_eq!(c.least_free, 2);
    assert_eq!(
        c.free[0],
        Free {
            range: dates("2027-01-04", "2027-01-31"),
            half_days: 2
        }
    );
    assert!(a.distance_km.unwrap() > 20.0 && a.distance_km.unwrap() < 40.0);

    let mut ranked = [(c.clone(), 3), (b.clone(), 2), (a.clone(), 1)];
    ranked.sort_by(|x, y| best_first((&x.0, &x.1), (&y.0, &y.1)));
    let order: Vec<i32> = ranked.iter().map(|(_, id)| *id).collect();
    assert_eq!(order, [1, 3, 2]);
    let mut tied = [(a.clone(), 9), (a, 4)];
    tied.sort_by(|x, y| best_first((&x.0, &x.1), (&y.0, &y.1)));
    assert_eq!(tied[0].1, 4, "ties go to the lower id");
}

#[test]
fn social_good_work_is_priced_at_the_robin_hood_rate_and_dates_bound_the_time() {
    let none: Vec<(String, u8)> = Vec::new();
    let budget = gbp(350);
    let (full, lower) = (gbp(500), gbp(300));
    let wanted = |social_good| Wanted {
        skills: &none,
        half_days: 2,
        dates: dates("2027-01-04", "2027-01-29"),
        work_mode: None,
        location: None,
        budget: Some(&budget),
        social_good,
    };
    let offered = Offered {
        skills: &none,
        half_days: 4,
        dates: dates("2027-01-11", "2027-01-29"),
        work_mode: WorkMode::Onsite,
        location: None,
        day_rate: Some(&full),
        robin_hood_rate: Some(&lower),
        booked: &[],
        person_booked: None,
    };
    assert_eq!(fit(&wanted(true), &offered).rate, RateFit::Within);
    assert_eq!(fit(&wanted(false), &offered).rate, RateFit::Over);
    let bounded = fit(&wanted(true), &offered);
    assert_eq!(bounded.least_free, 0, "the offer starts a week late");
    assert_eq!(
        bounded.free[0],
        Free {
            range: dates("2027-01-04", "2027-01-10"),
            half_days: 0
        }
    );
    let remote_only = Wanted {
        work_mode: Some(WorkMode::Remote),
        ..wanted(true)
    };
    assert!(!fit(&remote_only, &offered).work_mode_fits);
}
