use std::net::IpAddr;
use std::time::Duration;

use super::*;

#[test]
fn signatures_match_the_specifications_example() {
    // The example in the Standard Webhooks specification.
    let secret = Secret::decode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let signed = sign(
        &secret,
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1_614_265_330,
        br#"{"test": 2432232314}"#,
    );
    assert_eq!(signed, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    let other = Secret::from_random([7; signature::SECRET_BYTES]);
    assert_eq!(Secret::decode(&other.encode()).unwrap(), other);
    let both = signature_header(
        &[other, secret],
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1_614_265_330,
        br#"{"test": 2432232314}"#,
    );
    let parts: Vec<&str> = both.split(' ').collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1], signed);
    assert!(Secret::decode("whsec_").is_err() && Secret::decode("MfKQ").is_err());
}

/// One row per special-purpose range of IANA's registries (and the forms
/// an outside test used to get past the old check): each is refused.
#[test]
fn only_globally_reachable_addresses_unless_private_ones_are_allowed() {
    for special in [
        "0.1.2.3",
        "10.1.2.3",
        "100.64.0.1",
        "127.0.0.1",
        "169.254.169.254",
        "172.16.0.1",
        "192.0.0.1",
        "192.0.0.170",
        "192.0.2.1",
        "192.31.196.1",
        "192.52.193.1",
        "192.88.99.1",
        "192.168.1.1",
        "192.175.48.1",
        "198.18.0.1",
        "198.19.255.255",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "::7f00:1",
        "::127.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:0:7f00:1",
        "::ffff:8.8.8.8",
        "64:ff9b::7f00:1",
        "64:ff9b:1::1",
        "100::1",
        "100::ffff:ffff:ffff:ffff",
        "2001::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "2001:1::1",
        "2001:2::1",
        "2001:10::1",
        "2001:1ff::1",
        "2001:db8::1",
        "2002:7f00:1::",
        "2002:808:808::1",
        "3fff::1",
        "5f00::1",
        "fc00::1",
        "fd00::1",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "feff::1",
        "ff02::1",
    ] {
        let ip: IpAddr = special.parse().unwrap();
        assert!(!is_public(ip), "{special}");
        assert!(!AddressRule::PublicOnly.allows(ip) && AddressRule::AllowPrivate.allows(ip));
    }
    for public in [
        "1.1.1.1",
        "8.8.8.8",
        "81.2.69.160",
        "100.63.255.255",
        "100.128.0.1",
        "192.0.3.1",
        "198.17.255.255",
        "198.20.0.1",
        "223.255.255.255",
        "2a00:1450:4009:81f::200e",
        "2001:200::1",
        "2003::1",
        "2606:4700::1111",
        "3ffe::1",
    ] {
        assert!(is_public(public.parse().unwrap()), "{public}");
    }
}

#[test]
fn endpoint_urls_are_https_to_a_public_host_by_default() {
    let public = AddressRule::PublicOnly;
    assert_eq!(
        endpoint_url(" https://hooks.example.coop/coophub ", public).unwrap(),
        "https://hooks.example.coop/coophub"
    );
    for refused in [
        "http://hooks.example.coop/x",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://10.0.0.8/x",
        "https://[::7f00:1]/x",
        "https://[::ffff:0:7f00:1]/x",
        "https://[2002:7f00:1::]/x",
        "https://[fec0::1]/x",
        "https://192.0.0.8/x",
        "https://192.88.99.1/x",
        "https://[100::1]/x",
        "https://[2001::1]/x",
        "https://localhost:8443/x",
        "https://user:pw@example.coop/x",
        "ftp://example.coop/x",
        "not a url",
    ] {
        assert!(endpoint_url(refused, public).is_err(), "{refused}");
    }
    assert!(endpoint_url("http://127.0.0.1:9000/x", AddressRule::AllowPrivate).is_ok());
}

#[test]
fn inputs_name_every_problem_and_kinds_are_known() {
    let draft = WebhookDraft {
        url: "http://example.coop".into(),
        events: vec!["bid.invited".into(), "bid.eaten".into()],
        description: "x".repeat(DESCRIPTION_MAX + 1),
    };
    let errors = WebhookInput::parse(draft, AddressRule::PublicOnly).unwrap_err();
    let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/url", "/events/1", "/description"]);
    let ok = WebhookInput::parse(
        WebhookDraft {
            url: "https://example.coop/h".into(),
            events: vec![
                "bid.invited".into(),
                "placement.requested".into(),
                "bid.invited".into(),
            ],
            description: String::new(),
        },
        AddressRule::PublicOnly,
    )
    .unwrap();
    assert_eq!(
        ok.events,
        [EventKind::PlacementRequested, EventKind::BidInvited]
    );
    assert!(event_kinds(&[]).is_err());
}

#[test]
fn retries_follow_the_schedule_with_a_little_jitter() {
    let schedule = RetrySchedule::default();
    assert_eq!(schedule.attempts(), 8);
    assert_eq!(schedule.after(1, 0.5), Some(Duration::from_secs(5)));
    let early = schedule.after(2, 0.0).unwrap();
    let late = schedule.after(2, 0.999).unwrap();
    assert!(early >= Duration::from_secs(270) && late <= Duration::from_secs(330));
    assert!(early < late);
    assert_eq!(schedule.after(7, 0.5), Some(Duration::from_secs(36_000)));
    assert_eq!(schedule.after(8, 0.5), None);
    assert_eq!(schedule.after(0, 0.5), None);
}
