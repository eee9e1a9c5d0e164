//! Money: integer minor units of a currency (2500 is 25.00), within stated
//! bounds, summed with checks, and read from and written as OCDS decimals
//! exactly.

/// The most a tender or a bid may be worth, in minor units: one trillion
/// major units (£1,000,000,000,000), far above any public contract. Kept
/// below 10^15 so that every amount, as a decimal of major units, has at most
/// 15 significant digits and is written in JSON and read back exactly.
pub const MAX_TENDER_VALUE: i64 = 100_000_000_000_000;

/// A sum too large to count in minor units (over 9.2·10^18).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the amounts add up to more than can be counted")]
pub struct SumTooLarge;

/// The sum of `amounts`, or [`SumTooLarge`] rather than a wrap or a panic.
pub fn total(amounts: impl IntoIterator<Item = i64>) -> Result<i64, SumTooLarge> {
    amounts
        .into_iter()
        .try_fold(0i64, |sum, amount| sum.checked_add(amount))
        .ok_or(SumTooLarge)
}

/// The minor units a decimal of major units stands for (`"50000.5"` is
/// 5000050; `"1.2e3"` is 120000), read exactly, without a floating-point
/// step; places beyond the second round half away from zero (`"0.005"` is
/// 1); `None` when it is not a plain decimal or does not fit.
pub fn minor_units(decimal: &str) -> Option<i64> {
    let text = decimal.trim();
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // The digits as one integer, and where the decimal point falls in minor units.
    let shift = exponent
        .checked_add(2)?
        .checked_sub(i32::try_from(fraction.len()).ok()?)?;
    let significant = format!("{whole}{fraction}");
    let significant = significant.trim_start_matches('0');
    let (kept, dropped) = if shift >= 0 {
        (significant, "")
    } else {
        let cut = significant
            .len()
            .saturating_sub(usize::try_from(-shift).ok()?);
        significant.split_at(cut)
    };
    let mut minor: i64 = if kept.is_empty() {
        0
    } else {
        kept.parse().ok()?
    };
    for _ in 0..shift.max(0) {
        minor = minor.checked_mul(10)?;
    }
    if dropped.bytes().next().is_some_and(|b| b >= b'5') {
        minor = minor.checked_add(1)?;
    }
    Some(if negative { -minor } else { minor })
}

/// `minor` as a decimal of major units, for JSON: exact for every amount
/// within [`MAX_TENDER_VALUE`] (at most 15 significant digits, so the
/// shortest decimal that reads back as this number is the amount itself).
pub fn major_units(minor: i64) -> f64 {
    minor as f64 / 100.0
}

/// `minor` units of `currency` as a person reads them: `GBP 850,000` (pence
/// only when there are some: `GBP 1,234.50`).
pub fn written(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (major, pence) = (minor.unsigned_abs() / 100, minor.unsigned_abs() % 100);
    let digits = major.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let fraction = if pence == 0 {
        String::new()
    } else {
        format!(".{pence:02}")
    };
    format!("{currency} {sign}{grouped}{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_people_read_them() {
        assert_eq!(written(85_000_000, "GBP"), "GBP 850,000");
        assert_eq!(written(123_450, "EUR"), "EUR 1,234.50");
        assert_eq!(written(5, "GBP"), "GBP 0.05");
        assert_eq!(written(-100_000, "GBP"), "GBP -1,000");
    }

    #[test]
    fn sums_are_checked() {
        assert_eq!(total([1, 2, 3]), Ok(6));
        assert_eq!(total([]), Ok(0));
        assert_eq!(total([i64::MAX, 1]), Err(SumTooLarge));
        assert_eq!(
            total(std::iter::repeat_n(9_000_000_000_000_000, 1025)),
            Err(SumTooLarge)
        );
    }

    #[test]
    fn decimals_are_read_exactly() {
        for (text, minor) in [
            ("50000.5", Some(5_000_050)),
            ("20", Some(2000)),
            ("0.07", Some(7)),
            (".5", Some(50)),
            ("-12.30", Some(-1230)),
            ("1.2e3", Some(120_000)),
            ("1.5E-1", Some(15)),
            ("89999999999999.99", Some(8_999_999_999_999_999)),
            ("999999999999.99", Some(99_999_999_999_999)),
            ("0.001", Some(0)),
            ("1.005", Some(101)),
            ("-1.005", Some(-101)),
            ("85000.004", Some(8_500_000)),
            ("1.000", Some(100)),
            ("1e40", None),
            ("abc", None),
            ("", None),
            (".", None),
            ("1.2.3", None),
            ("--1", None),
        ] {
            assert_eq!(minor_units(text), minor, "{text}");
        }
    }

    #[test]
    fn amounts_within_the_bound_round_trip_through_json_exactly() {
        for minor in [
            0,
            1,
            5_000_050,
            99_999_999_999_999,
            MAX_TENDER_VALUE,
            12_345_678_901_234,
        ] {
            let written = serde_json::json!(major_units(minor)).to_string();
            assert_eq!(
                minor_units(&written),
                Some(minor),
                "{minor} written as {written}"
            );
        }
    }
}
