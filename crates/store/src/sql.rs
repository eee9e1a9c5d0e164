//! SQL functions both backends have, for filters diesel does not spell.

diesel::define_sql_function! {
    /// `LOWER(text)`: case-insensitive filters.
    fn lower(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}
