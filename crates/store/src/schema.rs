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

diesel::table! {
    /// Canonical skills.
    skills (slug) {
        /// Canonical slug, e.g. `postgresql`.
        slug -> Text,
        /// Display name.
        name -> Text,
        /// `technology`, `service` or `practice`.
        category -> Text,
        /// Optional ESCO concept URI.
        esco_uri -> Nullable<Text>,
        /// UTC.
        created_at -> Timestamp,
        /// UTC.
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Normalised spellings and their canonical skill.
    skill_aliases (alias_key) {
        /// `coophub_domain::skills::skill_key` of a spelling.
        alias_key -> Text,
        /// The skill it means.
        skill_slug -> Text,
    }
}

diesel::joinable!(skill_aliases -> skills (skill_slug));
diesel::allow_tables_to_appear_in_same_query!(skills, skill_aliases);
