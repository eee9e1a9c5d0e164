//! Table definitions shared by both backends (kept by hand: the two backends'
//! migrations must produce these exact columns).

diesel::table! {
    /// Accounts that can sign in.
    users (id) {
        /// UUID, as text (portable across backends).
        id -> Text,
        /// Normalised email, unique.
        email -> Text,
        /// Display name.
        name -> Text,
        /// Argon2id PHC string.
        password_hash -> Text,
        /// Global administrator of the network.
        network_admin -> Bool,
        /// Bumped when the password changes; tokens carry it.
        token_version -> Integer,
        /// UTC.
        created_at -> Timestamp,
        /// UTC.
        updated_at -> Timestamp,
    }
}
