//! Amounts of money as sent and shown.

use coophub_domain::sharing::Money;
use serde::{Deserialize, Serialize};

/// An amount of money as sent and shown: minor units and ISO 4217 currency.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MoneyBody {
    /// Minor units: 45000 is £450.00.
    pub amount: i64,
    /// ISO 4217 code, e.g. `GBP`.
    pub currency: String,
}

impl From<&MoneyBody> for Money {
    fn from(body: &MoneyBody) -> Self {
        Money {
            amount: body.amount,
            currency: body.currency.clone(),
        }
    }
}

impl From<Money> for MoneyBody {
    fn from(money: Money) -> Self {
        MoneyBody {
            amount: money.amount,
            currency: money.currency,
        }
    }
}

/// A tender's value as sent: minor units and ISO 4217 currency.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TenderValueBody {
    /// Minor units: 8500000 is £85,000.00.
    pub amount: i64,
    /// ISO 4217 code, e.g. `GBP`.
    pub currency: String,
}

impl From<&TenderValueBody> for Money {
    fn from(body: &TenderValueBody) -> Self {
        Money {
            amount: body.amount,
            currency: body.currency.clone(),
        }
    }
}

impl From<Money> for TenderValueBody {
    fn from(money: Money) -> Self {
        TenderValueBody {
            amount: money.amount,
            currency: money.currency,
        }
    }
}
