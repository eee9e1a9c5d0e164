//! Authentication: bearer tokens, the current-user extractor, role checks and
//! the login rate limit.

mod current_user;
mod rate_limit;
mod token;
mod viewer;

pub use current_user::CurrentUser;
pub use rate_limit::LoginLimiter;
pub use token::{AUDIENCE, ISSUER, IssuedToken, MAX_TOKEN_TTL, TokenKeys, TokenSubject};
pub use viewer::Viewer;
