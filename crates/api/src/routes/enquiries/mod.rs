//! Enquiries: `POST /api/v1/coops/{slug}/enquiries` writes to a co-op's
//! admins; they list them (`GET /api/v1/coops/{slug}/enquiries`). The
//! operations are `coophub_app::directory::enquiries`.

pub mod list;
pub mod send;

pub use coophub_app::directory::enquiries::{EnquiryBody, EnquiryList, EnquiryView};
