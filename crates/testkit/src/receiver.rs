//! A webhook receiver on loopback for tests: it records every request and
//! answers as scripted (a status, or no answer for a while), and checks
//! Standard Webhooks signatures with code written from the specification,
//! independent of the hub's own signing.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};

/// How the receiver answers one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// This status, with a short body.
    Status(u16),
    /// A redirect to this URL.
    Redirect(String),
    /// No answer for this long, then the connection is closed.
    Hang(Duration),
}

/// One request as received.
#[derive(Debug, Clone)]
pub struct Received {
    /// The path asked for.
    pub path: String,
    /// Headers, names in lower case.
    pub headers: HashMap<String, String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Received {
    /// A header's value, or "".
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<Received>>,
    script: Mutex<VecDeque<Reply>>,
    stop: AtomicBool,
}

/// A running receiver; stops when dropped.
pub struct Receiver {
    address: SocketAddr,
    shared: Arc<Shared>,
}

impl Receiver {
    /// Listens on a free loopback port.
    ///
    /// # Panics
    /// When no port can be bound: a test cannot go on without one.
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let address = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("address: {e}"));
        let shared = Arc::new(Shared::default());
        let serving = shared.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if serving.stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let serving = serving.clone();
                    std::thread::spawn(move || handle(stream, &serving));
                }
            }
        });
        Self { address, shared }
    }

    /// The URL of `path` on this receiver.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Answers the next requests so, in order; then 200 again.
    pub fn answer_next(&self, replies: impl IntoIterator<Item = Reply>) {
        lock(&self.shared.script).extend(replies);
    }

    /// Everything received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        lock(&self.shared.received).clone()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread so that it sees the flag.
        let _ = TcpStream::connect(self.address);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn handle(stream: TcpStream, shared: &Shared) {
    let Some(received) = read_request(&stream) else {
        return;
    };
    lock(&shared.received).push(received);
    let reply = lock(&shared.script)
        .pop_front()
        .unwrap_or(Reply::Status(200));
    let mut stream = stream;
    let answer = match reply {
        Reply::Status(code) => {
            format!("HTTP/1.1 {code} Scripted\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok")
        }
        Reply::Redirect(to) => format!(
            "HTTP/1.1 307 Temporary Redirect\r\nlocation: {to}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
        ),
        Reply::Hang(wait) => {
            std::thread::sleep(wait);
            return;
        }
    };
    let _ = stream.write_all(answer.as_bytes());
}

fn read_request(stream: &TcpStream) -> Option<Received> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Received {
        path,
        headers,
        body,
    })
}

/// Checks a delivery's signature as the Standard Webhooks specification
/// describes: `secret` is `whsec_` and base64; the signed content is
/// `{webhook-id}.{webhook-timestamp}.{body}`; the header lists `v1,`
/// signatures separated by spaces, one of which must match; the timestamp
/// must be within five minutes of now.
pub fn verify(secret: &str, received: &Received) -> Result<(), String> {
    let key = STANDARD
        .decode(
            secret
                .strip_prefix("whsec_")
                .ok_or("the secret lacks whsec_")?,
        )
        .map_err(|e| format!("secret: {e}"))?;
    let id = received.header("webhook-id");
    let timestamp = received.header("webhook-timestamp");
    let sent: i64 = timestamp
        .parse()
        .map_err(|_| "webhook-timestamp is not a number")?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs();
    if (i64::try_from(now).unwrap_or(i64::MAX) - sent).abs() > 300 {
        return Err("webhook-timestamp is more than five minutes off".into());
    }
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).map_err(|e| e.to_string())?;
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(&received.body);
    let expected = STANDARD.encode(mac.finalize().into_bytes());
    let matched = received
        .header("webhook-signature")
        .split(' ')
        .filter_map(|s| s.strip_prefix("v1,"))
        .any(|s| s == expected);
    if matched {
        Ok(())
    } else {
        Err(format!("no v1 signature matches (expected v1,{expected})"))
    }
}
