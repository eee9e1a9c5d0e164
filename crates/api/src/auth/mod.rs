//! Authentication: bearer tokens, the current-user extractor, role checks and
//! the login and sign-up rate limits.

mod caller;
mod rate_limit;
mod sign_up_limit;
mod token;

pub use caller::{Caller, SignedIn, refused, signed_in};
pub use coophub_domain::access::Viewer;
pub use rate_limit::LoginLimiter;
pub use sign_up_limit::SignUpLimiter;
pub use token::{AUDIENCE, ISSUER, IssuedToken, MAX_TOKEN_TTL, TokenKeys, TokenSubject};
