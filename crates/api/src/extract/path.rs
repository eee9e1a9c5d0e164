//! Path parameters that cannot be read (an id that is no UUID) answer 404 in
//! plain words: there is nothing at such a path, and the parser's own text
//! ("invalid character: found `n` at 0") helps nobody.

use actix_web::web;

use crate::problem::ApiError;
use crate::routes::fallback::RouteTable;

/// The path settings every route uses.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, req| {
        // A route with a literal last segment (`/opportunities/import`) asked
        // with another method lands on its `{id}` sibling: it is a 405.
        let literal = req
            .app_data::<web::Data<RouteTable>>()
            .and_then(|table| table.literal_methods(req.path()).map(<[_]>::to_vec));
        if let Some(allow) = literal {
            return ApiError::MethodNotAllowed {
                method: req.method().clone(),
                allow,
            }
            .into();
        }
        let unreadable = req
            .match_info()
            .iter()
            .find(|(name, value)| *name == "id" && uuid::Uuid::parse_str(value).is_err())
            .map(|(_, value)| value.to_owned());
        let detail = match unreadable {
            Some(id) => format!(
                "no record with id {id}: ids are UUIDs such as 0f8fad5b-d9cb-469f-a165-70867728950e"
            ),
            None => format!("nothing at {}", req.path()),
        };
        ApiError::NotFound(detail).into()
    })
}
