//! An SMTP sink on loopback for tests: it speaks just enough SMTP (RFC 5321:
//! EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for a client to hand it mail,
//! and keeps every message it was given.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};

/// One mail as handed over.
#[derive(Debug, Clone, Default)]
pub struct Mail {
    /// The envelope's recipients.
    pub to: Vec<String>,
    /// The message: headers and body as sent (dot-stuffing undone).
    pub data: String,
}

impl Mail {
    /// The message after its headers, quoted-printable undone: the words as
    /// a reader sees them (soft line breaks joined).
    pub fn body(&self) -> String {
        let body = self
            .data
            .split_once("\r\n\r\n")
            .map_or("", |(_, body)| body);
        let decoded = quoted_printable::decode(body, quoted_printable::ParseMode::Robust)
            .unwrap_or_else(|_| body.as_bytes().to_vec());
        String::from_utf8_lossy(&decoded).into_owned()
    }

    /// A header's value (the first of that name, unfolded), or "".
    pub fn header(&self, name: &str) -> String {
        let head = self.data.split("\r\n\r\n").next().unwrap_or_default();
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded
            .lines()
            .find_map(|line| {
                let (key, value) = line.split_once(':')?;
                key.eq_ignore_ascii_case(name)
                    .then(|| value.trim().to_owned())
            })
            .unwrap_or_default()
    }
}

/// A running sink; it stops taking connections when the test process ends.
pub struct Sink {
    address: SocketAddr,
    mails: Arc<Mutex<Vec<Mail>>>,
}

impl Sink {
    /// Listens on a free loopback port.
    ///
    /// # Panics
    /// When no port can be bound: a test cannot go on without one.
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let address = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("address: {e}"));
        let mails = Arc::new(Mutex::new(Vec::new()));
        let keeping = mails.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let keeping = keeping.clone();
                std::thread::spawn(move || {
                    let _ = converse(stream, &keeping);
                });
            }
        });
        Self { address, mails }
    }

    /// The URL to configure (`COOPHUB_SMTP_URL`): plain SMTP to this sink.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.address)
    }

    /// Every mail received so far, in order.
    pub fn mails(&self) -> Vec<Mail> {
        self.mails
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

fn converse(stream: TcpStream, mails: &Mutex<Vec<Mail>>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    out.write_all(b"220 sink ESMTP\r\n")?;
    let mut mail = Mail::default();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => out.write_all(b"250-sink\r\n250 8BITMIME\r\n")?,
            "RCPT" => {
                let to = line.trim_end().split_once(':').map(|(_, to)| to.trim());
                mail.to.push(to.unwrap_or_default().to_owned());
                out.write_all(b"250 OK\r\n")?;
            }
            "DATA" => {
                out.write_all(b"354 go on\r\n")?;
                mail.data = read_data(&mut reader)?;
                mails
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(std::mem::take(&mut mail));
                out.write_all(b"250 OK\r\n")?;
            }
            "QUIT" => return out.write_all(b"221 bye\r\n"),
            "RSET" => {
                mail = Mail::default();
                out.write_all(b"250 OK\r\n")?;
            }
            "HELO" | "MAIL" | "NOOP" => out.write_all(b"250 OK\r\n")?,
            _ => out.write_all(b"502 not here\r\n")?,
        }
    }
}

/// Reads a message up to the line holding a single dot.
fn read_data(reader: &mut impl BufRead) -> std::io::Result<String> {
    let mut data = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line == ".\r\n" {
            return Ok(data);
        }
        data.push_str(line.strip_prefix('.').unwrap_or(&line));
    }
}
