#![allow(missing_docs)] // diesel table definitions; each table is documented
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

diesel::table! {
    /// Co-ops. Lists (`sectors`, `clients`) are JSON arrays of strings.
    coops (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        summary -> Text,
        description -> Text,
        website -> Nullable<Text>,
        address -> Nullable<Text>,
        locality -> Nullable<Text>,
        region -> Nullable<Text>,
        country -> Nullable<Text>,
        postcode -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        legal_form -> Nullable<Text>,
        organisational_structure -> Nullable<Text>,
        registration_number -> Nullable<Text>,
        member_count -> Nullable<Integer>,
        sectors -> Text,
        clients -> Text,
        /// NULL: not said.
        happy_to_share_experience -> Nullable<Bool>,
        membership_status -> Text,
        membership_origin -> Nullable<Text>,
        fund_contribution -> Nullable<Text>,
        invited_at -> Nullable<Timestamp>,
        membership_changed_at -> Timestamp,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// The day it became a member.
        member_since -> Nullable<Date>,
        /// JSON object of `email`, `phone`, `url`; NULL: none given.
        contact -> Nullable<Text>,
        /// `public` or `network`.
        contact_visibility -> Text,
    }
}

diesel::table! {
    /// Enquiries to co-ops from signed-in accounts.
    enquiries (id) {
        id -> Text,
        coop_id -> Text,
        sender_id -> Text,
        subject -> Text,
        message -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// A co-op's technologies (`kind` = `technology`) and services (`service`), in order.
    coop_skills (coop_id, kind, skill_slug) {
        coop_id -> Text,
        kind -> Text,
        skill_slug -> Text,
        position -> Integer,
    }
}

diesel::table! {
    /// Claims to administer a co-op that has no admin, and the stewards' decisions.
    coop_claims (id) {
        id -> Text,
        coop_id -> Text,
        user_id -> Text,
        message -> Text,
        status -> Text,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Text>,
    }
}

diesel::table! {
    /// Users who administer (`admin`) or belong to (`member`) a co-op.
    coop_roles (coop_id, user_id) {
        coop_id -> Text,
        user_id -> Text,
        role -> Text,
    }
}

diesel::table! {
    /// Deleted records, so that clients syncing with `updated_since` learn of deletions.
    tombstones (entity, entity_id) {
        entity -> Text,
        entity_id -> Text,
        slug -> Nullable<Text>,
        deleted_at -> Timestamp,
        /// Whether viewers outside the network ever saw the record.
        public -> Bool,
    }
}

diesel::table! {
    /// People of co-ops. Availability is `days_per_week` from `available_from`,
    /// as last confirmed at `availability_reconfirmed_at`.
    people (id) {
        id -> Text,
        coop_id -> Text,
        name -> Text,
        headline -> Text,
        bio -> Text,
        days_per_week -> Nullable<Double>,
        available_from -> Nullable<Date>,
        availability_reconfirmed_at -> Nullable<Timestamp>,
        day_rate -> Nullable<Integer>,
        visibility -> Text,
        user_id -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// Contact details as for co-ops, for members of the network only.
        contact -> Nullable<Text>,
    }
}

diesel::table! {
    /// A person's skills, in order, with level and interest from 1 to 5.
    person_skills (person_id, skill_slug) {
        person_id -> Text,
        skill_slug -> Text,
        level -> Integer,
        interest -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    /// Case studies. `links` is a JSON array of URLs.
    case_studies (id) {
        id -> Text,
        slug -> Text,
        title -> Text,
        client -> Text,
        summary -> Text,
        year -> Nullable<Integer>,
        value_band -> Nullable<Text>,
        outcome -> Text,
        links -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// The contract's value in minor units, where the co-ops say it.
        value_amount -> Nullable<BigInt>,
        value_currency -> Nullable<Text>,
    }
}

diesel::table! {
    /// The co-ops of a case study, in order.
    case_study_coops (case_study_id, coop_id) {
        case_study_id -> Text,
        coop_id -> Text,
        position -> Integer,
        consent -> Text,
    }
}

diesel::table! {
    /// The skills of a case study, in order.
    case_study_skills (case_study_id, skill_slug) {
        case_study_id -> Text,
        skill_slug -> Text,
        position -> Integer,
    }
}

diesel::table! {
    /// How far `search_changes` has been pruned (one row).
    search_change_pruning (id) {
        id -> Integer,
        pruned_through -> BigInt,
    }
}

diesel::table! {
    /// What the search index must follow: `entity` is `coop` or `person`.
    search_changes (seq) {
        seq -> BigInt,
        entity -> Text,
        entity_id -> Text,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    /// Offers of time: a named person (`person_id`) or an unnamed role.
    offers (id) {
        id -> Text,
        coop_id -> Text,
        person_id -> Nullable<Text>,
        title -> Text,
        /// Capacity in half days a week.
        half_days -> Integer,
        start_date -> Date,
        end_date -> Date,
        work_mode -> Text,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        day_rate_amount -> Nullable<BigInt>,
        day_rate_currency -> Nullable<Text>,
        robin_hood_rate_amount -> Nullable<BigInt>,
        robin_hood_rate_currency -> Nullable<Text>,
        notes -> Text,
        status -> Text,
        /// The offer lapses 30 days after this.
        reconfirmed_at -> Timestamp,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The skills an offer brings, with levels, in order.
    offer_skills (offer_id, skill_slug) {
        offer_id -> Text,
        skill_slug -> Text,
        level -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    /// Requests for time.
    requests (id) {
        id -> Text,
        coop_id -> Text,
        title -> Text,
        half_days -> Integer,
        start_date -> Date,
        end_date -> Date,
        work_mode -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        budget_amount -> Nullable<BigInt>,
        budget_currency -> Nullable<Text>,
        project_kind -> Text,
        status -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The skills a request asks for, each with the lowest level that will do.
    request_skills (request_id, skill_slug) {
        request_id -> Text,
        skill_slug -> Text,
        min_level -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    /// Time booked from an offer (or, for a swap, from a person directly).
    placements (id) {
        id -> Text,
        offer_id -> Nullable<Text>,
        offering_coop_id -> Text,
        person_id -> Nullable<Text>,
        requesting_coop_id -> Text,
        request_id -> Nullable<Text>,
        half_days -> Integer,
        start_date -> Date,
        end_date -> Date,
        message -> Text,
        state -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// The agreed day rate, minor units.
        agreed_rate_amount -> Nullable<BigInt>,
        agreed_rate_currency -> Nullable<Text>,
    }
}

diesel::table! {
    /// Every change of a placement's state, with who, when and why.
    placement_events (placement_id, seq) {
        placement_id -> Text,
        seq -> Integer,
        state -> Text,
        action -> Nullable<Text>,
        user_id -> Nullable<Text>,
        reason -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    /// Private requests to rotate off one's work (the person and their co-op's admins only).
    rotations (id) {
        id -> Text,
        person_id -> Text,
        coop_id -> Text,
        /// The placement the person would rotate off, if any.
        from_placement_id -> Nullable<Text>,
        /// The offer of them they would rotate off, if any.
        from_offer_id -> Nullable<Text>,
        project_kind -> Nullable<Text>,
        half_days -> Integer,
        start_date -> Date,
        end_date -> Date,
        notes -> Text,
        /// The person agreed to be suggested to others with fitting requests.
        suggest_me -> Bool,
        status -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The skills a rotation request would like to use.
    rotation_skills (rotation_id, skill_slug) {
        rotation_id -> Text,
        skill_slug -> Text,
        position -> Integer,
    }
}

diesel::table! {
    /// Swaps proposed between two rotation requests, with the four answers.
    swaps (id) {
        id -> Text,
        first_rotation_id -> Text,
        second_rotation_id -> Text,
        half_days -> Integer,
        start_date -> Date,
        end_date -> Date,
        state -> Text,
        first_person_agreed -> Bool,
        second_person_agreed -> Bool,
        first_coop_agreed -> Bool,
        second_coop_agreed -> Bool,
        proposed_at -> Timestamp,
        first_placement_id -> Nullable<Text>,
        second_placement_id -> Nullable<Text>,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// A rotation request's person proposed for another co-op's social-good
    /// request, with the three answers.
    social_good_proposals (id) {
        id -> Text,
        rotation_id -> Text,
        request_id -> Text,
        half_days -> Integer,
        start_date -> Date,
        end_date -> Date,
        state -> Text,
        person_agreed -> Bool,
        home_coop_agreed -> Bool,
        requesting_coop_agreed -> Bool,
        proposed_at -> Timestamp,
        placement_id -> Nullable<Text>,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Signed-in sessions of the web pages (the SHA-256 of each cookie).
    web_sessions (id_sha256) {
        id_sha256 -> Text,
        user_id -> Text,
        token_version -> Integer,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    /// Secret calendar feed URLs (a hash of each secret), per co-op or person.
    calendar_feeds (id) {
        id -> Text,
        coop_id -> Text,
        person_id -> Nullable<Text>,
        secret_sha256 -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Tenders: the newest OCDS release of each contracting process, or one entered by hand.
    opportunities (id) {
        id -> Text,
        ocid -> Text,
        release_id -> Text,
        release_date -> Timestamp,
        /// JSON list of OCDS tags.
        tags -> Text,
        title -> Text,
        description -> Text,
        buyer_name -> Nullable<Text>,
        buyer_id -> Nullable<Text>,
        value_amount -> Nullable<BigInt>,
        value_gross -> Nullable<BigInt>,
        value_currency -> Nullable<Text>,
        deadline -> Nullable<Timestamp>,
        enquiry_deadline -> Nullable<Timestamp>,
        contract_start -> Nullable<Timestamp>,
        contract_end -> Nullable<Timestamp>,
        procurement_method -> Nullable<Text>,
        /// JSON list of CPV codes, as published.
        cpv -> Text,
        /// JSON list of lots.
        lots -> Text,
        /// JSON list of document links.
        documents -> Text,
        suitable_for_sme -> Nullable<Bool>,
        suitable_for_vcse -> Nullable<Bool>,
        tender_status -> Nullable<Text>,
        manual -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// Where the work is, as published.
        region -> Nullable<Text>,
        /// Whose it is: NULL for the network's, else a member co-op admin's account.
        source_account -> Nullable<Text>,
        /// Where the work is as an address gives it (locality, postcode).
        place -> Nullable<Text>,
    }
}

diesel::table! {
    /// Conversations in bids and placements.
    messages (id) {
        id -> Text,
        /// `bid` or `placement`.
        thread -> Text,
        thread_id -> Text,
        /// In a bid: the invited co-op the message is between; NULL: the consortium's.
        to_coop_id -> Nullable<Text>,
        author_id -> Nullable<Text>,
        author_coop_id -> Nullable<Text>,
        text -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// The skills an opportunity needs.
    opportunity_skills (opportunity_id, skill_slug) {
        opportunity_id -> Text,
        skill_slug -> Text,
        position -> Integer,
    }
}

diesel::table! {
    /// An opportunity's CPV codes (eight digits), for filtering by prefix.
    opportunity_cpv (opportunity_id, code) {
        opportunity_id -> Text,
        code -> Text,
    }
}

diesel::table! {
    /// A lead co-op's bid on an opportunity.
    bids (id) {
        id -> Text,
        opportunity_id -> Text,
        lot_id -> Nullable<Text>,
        lead_coop_id -> Text,
        coordinator_id -> Nullable<Text>,
        title -> Text,
        state -> Text,
        decision_go -> Nullable<Bool>,
        decision_reasons -> Nullable<Text>,
        /// JSON list of weighted criteria.
        decision_criteria -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        value_amount -> Nullable<BigInt>,
        value_currency -> Nullable<Text>,
        lead_premium_bp -> Integer,
        fund_bp -> Nullable<Integer>,
        case_study_slug -> Nullable<Text>,
        submitted_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// When it was won, lost or withdrawn.
        closed_at -> Nullable<Timestamp>,
        /// The readiness a go/no-go decision was taken with (JSON).
        decision_readiness -> Nullable<Text>,
    }
}

diesel::table! {
    /// Links to a bid's documents.
    bid_documents (id) {
        id -> Text,
        bid_id -> Text,
        title -> Text,
        url -> Text,
        /// What it is, as the adder says (`draft`, `tender pack`).
        kind -> Nullable<Text>,
        added_by -> Nullable<Text>,
        added_for_coop_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// What happened to each bid, who did it and when.
    bid_history (id) {
        id -> Text,
        bid_id -> Text,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        /// opened, invited, accepted, declined, role_added, section_added,
        /// section_changed, terms_changed, decided, submitted, won, lost, withdrawn.
        what -> Text,
        coop_id -> Nullable<Text>,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    /// Every co-op of a bid's consortium, invited or answered.
    bid_members (bid_id, coop_id) {
        bid_id -> Text,
        coop_id -> Text,
        status -> Text,
        invited_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Roles to fill in a bid.
    bid_roles (id) {
        id -> Text,
        bid_id -> Text,
        lot_id -> Nullable<Text>,
        title -> Text,
        effort_days -> Integer,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        day_rate -> Nullable<BigInt>,
        coop_id -> Nullable<Text>,
        position -> Integer,
    }
}

diesel::table! {
    /// The skills a bid role wants, with the least level.
    bid_role_skills (role_id, skill_slug) {
        role_id -> Text,
        skill_slug -> Text,
        min_level -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    /// Sections of a bid document to write.
    bid_sections (id) {
        id -> Text,
        bid_id -> Text,
        title -> Text,
        owner_coop_id -> Nullable<Text>,
        owner_person_id -> Nullable<Text>,
        due -> Nullable<Date>,
        status -> Text,
        position -> Integer,
    }
}

diesel::table! {
    /// Where `coophub sync ocds` stands with each source.
    ocds_sync_cursors (source) {
        source -> Text,
        next_url -> Nullable<Text>,
        last_release_date -> Nullable<Timestamp>,
        pages -> Integer,
        releases -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Events someone must act on or know about: the outbox.
    events (seq) {
        seq -> BigInt,
        id -> Text,
        kind -> Text,
        subject_type -> Text,
        subject_id -> Text,
        link -> Text,
        summary -> Text,
        actor_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// The co-ops whose webhooks hear of an event.
    event_coops (event_id, coop_id) {
        event_id -> Text,
        coop_id -> Text,
    }
}

diesel::table! {
    /// Each account's notifications of events.
    notifications (id) {
        id -> Text,
        user_id -> Text,
        event_id -> Text,
        read_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// When a mail worker may next try to mail it; NULL: nothing owed.
        mail_next_at -> Nullable<Timestamp>,
        mail_attempts -> Integer,
        mailed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Reminders given, one per item and moment.
    reminders_sent (subject_type, subject_id, moment) {
        subject_type -> Text,
        subject_id -> Text,
        moment -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    /// Each account's email choices; no row: the defaults.
    mail_preferences (user_id) {
        user_id -> Text,
        digest -> Bool,
        immediate -> Bool,
        unsubscribe_token -> Text,
        digest_sent_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Saved opportunity filters.
    alerts (id) {
        id -> Text,
        user_id -> Text,
        coop_id -> Nullable<Text>,
        name -> Text,
        /// JSON of the filters.
        filters -> Text,
        created_at -> Timestamp,
        /// `opportunities`, `offers` or `people`.
        subject -> Text,
    }
}

diesel::table! {
    /// The offers and people each alert has told of.
    talent_alert_hits (alert_id, item_id) {
        alert_id -> Text,
        item_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// The opportunities each alert has told of.
    alert_hits (alert_id, opportunity_id) {
        alert_id -> Text,
        opportunity_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Secret URLs of accounts' deadline calendars.
    deadline_feeds (user_id) {
        user_id -> Text,
        secret_sha256 -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Co-ops' webhook endpoints.
    webhooks (id) {
        id -> Text,
        coop_id -> Text,
        url -> Text,
        events -> Text,
        description -> Text,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
        disabled_reason -> Nullable<Text>,
        last_delivered_at -> Nullable<Timestamp>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// One message per endpoint and event: the webhook outbox.
    webhook_deliveries (id) {
        id -> Text,
        webhook_id -> Text,
        event_id -> Text,
        state -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Every delivery attempt, for the delivery log.
    webhook_attempts (delivery_id, number) {
        delivery_id -> Text,
        number -> Integer,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        status -> Nullable<Integer>,
        error -> Nullable<Text>,
        response -> Nullable<Text>,
    }
}

diesel::joinable!(case_study_coops -> case_studies (case_study_id));
diesel::joinable!(case_study_coops -> coops (coop_id));
diesel::joinable!(case_study_skills -> case_studies (case_study_id));
diesel::joinable!(case_study_skills -> skills (skill_slug));
diesel::joinable!(people -> coops (coop_id));
diesel::joinable!(person_skills -> people (person_id));
diesel::joinable!(person_skills -> skills (skill_slug));
diesel::joinable!(coop_skills -> coops (coop_id));
diesel::joinable!(coop_skills -> skills (skill_slug));
diesel::joinable!(coop_roles -> coops (coop_id));
diesel::joinable!(coop_roles -> users (user_id));
diesel::joinable!(coop_claims -> coops (coop_id));
diesel::joinable!(enquiries -> coops (coop_id));
diesel::joinable!(coop_claims -> users (user_id));
diesel::joinable!(mail_preferences -> users (user_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(offers -> coops (coop_id));
diesel::joinable!(offer_skills -> offers (offer_id));
diesel::joinable!(offer_skills -> skills (skill_slug));
diesel::joinable!(requests -> coops (coop_id));
diesel::joinable!(request_skills -> requests (request_id));
diesel::joinable!(request_skills -> skills (skill_slug));
diesel::joinable!(placements -> offers (offer_id));
diesel::joinable!(placement_events -> placements (placement_id));
diesel::joinable!(rotation_skills -> rotations (rotation_id));
diesel::joinable!(rotation_skills -> skills (skill_slug));
diesel::joinable!(opportunity_skills -> opportunities (opportunity_id));
diesel::joinable!(opportunity_skills -> skills (skill_slug));
diesel::joinable!(opportunity_cpv -> opportunities (opportunity_id));
diesel::joinable!(bid_members -> bids (bid_id));
diesel::joinable!(bid_roles -> bids (bid_id));
diesel::joinable!(bid_role_skills -> bid_roles (role_id));
diesel::joinable!(bid_role_skills -> skills (skill_slug));
diesel::joinable!(bid_sections -> bids (bid_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::table! {
    /// Years of the optional network fund.
    fund_years (year) {
        year -> Integer,
        purpose -> Text,
        currency -> Text,
        /// JSON of the suggestion.
        suggestion -> Text,
        invitees -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Co-ops that are federation members.
    fund_federation (coop_id) {
        coop_id -> Text,
        marked_at -> Timestamp,
    }
}

diesel::table! {
    /// Each co-op's answer to a year: an amount, or declined (NULL).
    fund_pledges (year, coop_id) {
        year -> Integer,
        coop_id -> Text,
        amount -> Nullable<BigInt>,
        answered_by -> Nullable<Text>,
        answered_at -> Timestamp,
    }
}

diesel::table! {
    /// Invoices against pledges.
    fund_invoices (id) {
        id -> Text,
        year -> Integer,
        coop_id -> Text,
        number -> Text,
        amount -> BigInt,
        issued_on -> Date,
        due_on -> Date,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Payments against invoices.
    fund_payments (id) {
        id -> Text,
        invoice_id -> Text,
        amount -> BigInt,
        paid_on -> Date,
        reference -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// What the fund was spent on.
    fund_spending (id) {
        id -> Text,
        year -> Integer,
        spent_on -> Date,
        amount -> BigInt,
        purpose -> Text,
        category -> Text,
        bid_id -> Nullable<Text>,
        case_study_slug -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Won bids' network-fund shares.
    fund_bid_income (bid_id) {
        bid_id -> Text,
        year -> Integer,
        amount -> BigInt,
        currency -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::joinable!(fund_payments -> fund_invoices (invoice_id));

diesel::allow_tables_to_appear_in_same_query!(
    coops,
    coop_skills,
    coop_roles,
    coop_claims,
    enquiries,
    messages,
    bid_history,
    bid_documents,
    skills,
    users,
    skill_aliases,
    people,
    person_skills,
    tombstones,
    case_studies,
    case_study_coops,
    case_study_skills,
    search_changes,
    offers,
    offer_skills,
    requests,
    request_skills,
    placements,
    placement_events,
    rotations,
    rotation_skills,
    swaps,
    social_good_proposals,
    web_sessions,
    calendar_feeds,
    opportunities,
    opportunity_skills,
    opportunity_cpv,
    bids,
    bid_members,
    bid_roles,
    bid_role_skills,
    bid_sections,
    ocds_sync_cursors,
    events,
    event_coops,
    notifications,
    mail_preferences,
    reminders_sent,
    alerts,
    alert_hits,
    talent_alert_hits,
    deadline_feeds,
    webhooks,
    webhook_deliveries,
    webhook_attempts,
    fund_years,
    fund_federation,
    fund_pledges,
    fund_invoices,
    fund_payments,
    fund_spending,
    fund_bid_income
);
