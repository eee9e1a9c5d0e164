//! The mails themselves: plain text and HTML alternatives of the same words,
//! each with a link to the choices and a one-click unsubscribe (RFC 8058).

use coophub_domain::text::html_escape;
use coophub_store::mail::{Digest, Immediate, Item, Recipient};
use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue, ReplyTo};
use lettre::message::{Mailbox, Mailboxes, MultiPart};

/// Longest subject line taken from a summary.
const SUBJECT_CHARS: usize = 120;

/// The mail telling one thing at once; an enquiry quotes the letter and
/// answers to its sender (`Reply-To`).
pub(super) fn immediate(from: &Mailbox, mail: &Immediate, base: &str) -> anyhow::Result<Message> {
    let subject: String = mail.item.summary.chars().take(SUBJECT_CHARS).collect();
    let why = "You get this because immediate mail is on for your coophub account.";
    let Some(enquiry) = &mail.enquiry else {
        return build(
            from,
            &mail.to,
            base,
            &subject,
            "This needs you:",
            &[&mail.item],
            why,
        );
    };
    let intro = format!(
        "{} ({}) writes to your co-op. Reply to this mail to answer them.\n\n\
         Subject: {}\n\n{}\n\nEvery enquiry to your co-op:",
        enquiry.sender_name, enquiry.sender_email, enquiry.subject, enquiry.message
    );
    let mut message = build(from, &mail.to, base, &subject, &intro, &[&mail.item], why)?;
    let reply_to = Mailbox::new(
        Some(enquiry.sender_name.clone()),
        enquiry.sender_email.parse()?,
    );
    message
        .headers_mut()
        .set(ReplyTo::from(Mailboxes::from(reply_to)));
    Ok(message)
}

/// The daily digest of unread notifications.
pub(super) fn digest(from: &Mailbox, digest: &Digest, base: &str) -> anyhow::Result<Message> {
    let subject = match digest.unread {
        1 => "coophub: 1 unread notification".to_owned(),
        n => format!("coophub: {n} unread notifications"),
    };
    let shown = digest.items.len() as i64;
    let intro = if digest.unread > shown {
        format!(
            "The newest {shown} of {} unread since your last digest:",
            digest.unread
        )
    } else {
        "Unread since your last digest:".to_owned()
    };
    let items: Vec<&Item> = digest.items.iter().collect();
    let why = "You get this because you chose a daily digest for your coophub account.";
    build(from, &digest.to, base, &subject, &intro, &items, why)
}

fn build(
    from: &Mailbox,
    to: &Recipient,
    base: &str,
    subject: &str,
    intro: &str,
    items: &[&Item],
    why: &str,
) -> anyhow::Result<Message> {
    let choices = format!("{base}/api/v1/me/email");
    let unsubscribe = format!(
        "{base}/api/v1/email/unsubscribe?token={}",
        to.unsubscribe_token
    );
    let mut text = format!("{intro}\n\n");
    // An enquiry's intro quotes a letter: its lines are kept.
    let mut html = format!(
        "<p style=\"white-space: pre-line\">{}</p>\n<ul>\n",
        html_escape(intro)
    );
    for item in items {
        let link = format!("{base}{}", item.link);
        let at = item.at.format("%Y-%m-%d %H:%M UTC");
        text.push_str(&format!("- {} ({at})\n  {link}\n", item.summary));
        html.push_str(&format!(
            "<li><a href=\"{}\">{}</a> <small>({at})</small></li>\n",
            html_escape(&link),
            html_escape(&item.summary)
        ));
    }
    text.push_str(&format!(
        "\n--\n{why}\nChoose what you get: {choices}\nUnsubscribe: {unsubscribe}\n"
    ));
    html.push_str(&format!(
        "</ul>\n<hr>\n<p><small>{} <a href=\"{}\">Choose what you get</a> | \
         <a href=\"{}\">Unsubscribe</a></small></p>\n",
        html_escape(why),
        html_escape(&choices),
        html_escape(&unsubscribe)
    ));
    let recipient = Mailbox::new(Some(to.name.clone()), to.email.parse()?);
    Ok(Message::builder()
        .from(from.clone())
        .to(recipient)
        .subject(subject)
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{unsubscribe}>"),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".to_owned(),
        ))
        .multipart(MultiPart::alternative_plain_html(text, html))?)
}
