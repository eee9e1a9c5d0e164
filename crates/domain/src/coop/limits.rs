//! The bounds of a co-op's fields, in characters unless said otherwise:
//! the checks in `input` keep them and the OpenAPI document states them.

/// Its slug's length, in ASCII characters.
pub const SLUG_LENGTHS: std::ops::RangeInclusive<usize> = 2..=64;
/// Its name, and each sector or client listed.
pub const NAME_MAX: usize = 200;
/// The one-line summary.
pub const SUMMARY_MAX: usize = 500;
/// The longer description (Markdown).
pub const DESCRIPTION_MAX: usize = 20_000;
/// The website's URL.
pub const WEBSITE_MAX: usize = 500;
/// The registration number.
pub const REGISTRATION_NUMBER_MAX: usize = 50;
/// The number of members.
pub const MEMBER_COUNT_MAX: i32 = 100_000;
/// Entries in a list field (technologies, services, sectors, clients).
pub const LIST_MAX: usize = 200;
/// The street address.
pub const ADDRESS_MAX: usize = 500;
/// The town or city.
pub const LOCALITY_MAX: usize = 200;
/// The region.
pub const REGION_MAX: usize = 200;
/// The postcode.
pub const POSTCODE_MAX: usize = 20;
/// The message of a claim to administer the co-op.
pub const CLAIM_MESSAGE_MAX: usize = 2_000;
