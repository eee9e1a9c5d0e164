//! Accounts: create, look up, change password.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::{PasswordHash, User};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::users;
use crate::time;

/// A row of `users`, as stored.
#[derive(Debug, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = users)]
pub(crate) struct UserRow {
    id: String,
    email: String,
    name: String,
    password_hash: String,
    network_admin: bool,
    token_version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl UserRow {
    fn into_user(self) -> Result<(User, PasswordHash), StoreError> {
        let id = Uuid::parse_str(&self.id).map_err(|error| {
            StoreError::Database(diesel::result::Error::DeserializationError(Box::new(error)))
        })?;
        let user = User {
            id,
            email: self.email,
            name: self.name,
            network_admin: self.network_admin,
            token_version: self.token_version,
            created_at: time::from_db(self.created_at),
        };
        Ok((user, PasswordHash::from_stored(self.password_hash)))
    }
}

/// What is needed to create an account; the email must already be normalised.
#[derive(Debug)]
pub struct NewUser<'a> {
    /// Normalised email.
    pub email: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Hash of the chosen password.
    pub password_hash: &'a PasswordHash,
    /// Whether the account administers the whole network.
    pub network_admin: bool,
}

/// Creates an account; [`StoreError::Conflict`] on `email` if the address is taken.
pub fn insert(
    conn: &mut DbConnection,
    new: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<User, StoreError> {
    let row = UserRow {
        id: Uuid::new_v4().to_string(),
        email: new.email.to_owned(),
        name: new.name.to_owned(),
        password_hash: new.password_hash.as_str().to_owned(),
        network_admin: new.network_admin,
        token_version: 0,
        created_at: time::to_db(now),
        updated_at: time::to_db(now),
    };
    diesel::insert_into(users::table)
        .values(&row)
        .execute(conn)
        .map_err(StoreError::unique_as("email"))?;
    Ok(row.into_user()?.0)
}

/// The network admins' accounts (the stewards), in id order.
pub fn network_admins(conn: &mut DbConnection) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<String> = users::table
        .filter(users::network_admin.eq(true))
        .order(users::id)
        .select(users::id)
        .load(conn)?;
    Ok(ids
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect())
}

/// The account with this (normalised) email, with its password hash.
pub fn find_by_email(
    conn: &mut DbConnection,
    email: &str,
) -> Result<Option<(User, PasswordHash)>, StoreError> {
    users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_user)
        .transpose()
}

/// The account with this id, with its password hash.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<(User, PasswordHash)>, StoreError> {
    users::table
        .find(id.to_string())
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_user)
        .transpose()
}

/// Replaces the password hash and bumps the token version, so that every token
/// issued before the change stops working. Returns the updated account.
pub fn change_password(
    conn: &mut DbConnection,
    id: Uuid,
    hash: &PasswordHash,
    now: DateTime<Utc>,
) -> Result<Option<User>, StoreError> {
    crate::write(conn, |conn| {
        let updated = diesel::update(users::table.find(id.to_string()))
            .set((
                users::password_hash.eq(hash.as_str()),
                users::token_version.eq(users::token_version + 1),
                users::updated_at.eq(time::to_db(now)),
            ))
            .execute(conn)?;
        if updated == 0 {
            return Ok(None);
        }
        Ok(find(conn, id)?.map(|(user, _)| user))
    })
}
