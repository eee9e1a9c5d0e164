//! How long the fund lasts: the balance over the average monthly spending
//! of the last months, the "run it down to zero" question answered.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// The months a runway may be averaged over.
pub const RUNWAY_MONTHS: std::ops::RangeInclusive<u32> = 1..=36;

/// What the balance lasts at the recent rate of spending.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Runway {
    /// The months averaged over.
    pub months_averaged: u32,
    /// The spending in them, minor units.
    pub spent_in_them: i64,
    /// The average a month, minor units, rounded down.
    pub monthly_spend: i64,
    /// Whole months the balance lasts at that rate; `null` with no spending
    /// in those months (it lasts as long as nothing is spent).
    pub months_left: Option<i64>,
    /// The month it runs out at that rate (`YYYY-MM`); `null` as above.
    pub runs_out_in: Option<String>,
}

/// The balance at the start of this month and of each of the `months`
/// after it, spending `monthly_spend` a month; never below zero.
pub fn projection(balance: i64, monthly_spend: i64, months: u32) -> Vec<i64> {
    (0..=i64::from(months))
        .map(|month| {
            balance
                .saturating_sub(monthly_spend.saturating_mul(month))
                .max(0)
        })
        .collect()
}

/// The runway of `balance` at `today`, averaging the spending of the last
/// `months` whole months before today's month and this month so far.
pub fn runway(
    balance: i64,
    spending: &[(NaiveDate, i64)],
    today: NaiveDate,
    months: u32,
) -> Runway {
    let this_month = today.with_day(1).unwrap_or(today);
    let since = this_month
        .checked_sub_months(Months::new(months.saturating_sub(1)))
        .unwrap_or(this_month);
    let spent: i64 = spending
        .iter()
        .filter(|(day, _)| *day >= since && *day <= today)
        .map(|(_, amount)| amount)
        .sum();
    let monthly = spent / i64::from(months.max(1));
    let months_left = (monthly > 0).then(|| balance.max(0) / monthly);
    let runs_out_in = months_left.and_then(|left| {
        let month = this_month.checked_add_months(Months::new(u32::try_from(left).ok()?))?;
        Some(format!("{:04}-{:02}", month.year(), month.month()))
    });
    Runway {
        months_averaged: months.max(1),
        spent_in_them: spent,
        monthly_spend: monthly,
        months_left,
        runs_out_in,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_runs_down_to_zero_and_stays_there() {
        assert_eq!(projection(1000, 300, 4), vec![1000, 700, 400, 100, 0]);
        assert_eq!(projection(500, 0, 2), vec![500, 500, 500]);
        assert_eq!(projection(-20, 10, 1), vec![0, 0]);
    }
}
