//! Authentication: bearer tokens, the current-user extractor, role checks and
//! the login rate limit.

mod caller;
mod rate_limit;
mod token;

pub use caller::{Caller, refused, signed_in};
pub use coophub_domain::access::Viewer;
pub use rate_limit::LoginLimiter;
pub use token::{AUDIENCE, ISSUER, IssuedToken, MAX_TOKEN_TTL, TokenKeys, TokenSubject};
