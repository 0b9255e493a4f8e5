//! `newsledger enqueue`: documents onto the work stream.
//!
//! Publishing waits for JetStream's acknowledgement of every message (a message the server
//! did not confirm is reported, never assumed queued), but keeps a window of them in the air
//! so a large crawl is not paced by round trips.

use crate::{wire, Names, StreamOptions, DOC_ID_HEADER, OBJECT_HEADER};
use anyhow::Context as _;
use async_nats::jetstream::{self, context::PublishAckFuture, message::PublishMessage};
use newsledger_model::Document;
use serde::Serialize;
use std::collections::VecDeque;

/// Publish acknowledgements awaited at once.
const WINDOW: usize = 256;
/// Room left for headers when deciding whether a body fits in one message.
const HEADER_ROOM: usize = 1024;

/// What happened to the documents handed to a [`Publisher`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnqueueCounts {
    /// Documents the stream accepted as new messages.
    pub queued: usize,
    /// Documents the stream dropped as re-sends within its duplicate window.
    pub duplicates: usize,
    /// Of the queued and duplicates: bodies that went through the object store.
    pub large: usize,
    /// Documents that could not be queued (each reported with its id).
    pub failed: usize,
}

/// Publishes documents to one queue.
pub struct Publisher {
    client: async_nats::Client,
    js: jetstream::Context,
    names: Names,
    objects: Option<jetstream::object_store::ObjectStore>,
    pending: VecDeque<(String, PublishAckFuture)>,
    counts: EnqueueCounts,
}

/// Make a string safe as a NATS header value (no line breaks, bounded length).
pub(crate) fn header_value(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if out.len() > 512 {
        let mut cut = 512;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    out
}

impl Publisher {
    /// Connect and make sure the streams exist.
    pub async fn connect(url: &str, names: &Names, opts: &StreamOptions) -> anyhow::Result<Self> {
        let client = crate::connect(url, "newsledger-enqueue").await?;
        let js = jetstream::new(client.clone());
        crate::ensure_streams(&js, names, opts).await?;
        Ok(Publisher {
            client,
            js,
            names: names.clone(),
            objects: None,
            pending: VecDeque::new(),
            counts: EnqueueCounts::default(),
        })
    }

    /// The largest message body the server accepts (less room for headers).
    fn max_body(&self) -> usize {
        self.client
            .server_info()
            .max_payload
            .saturating_sub(HEADER_ROOM)
    }

    /// Queue one document. Per-document failures are counted and returned as an error
    /// naming the document; the publisher stays usable.
    pub async fn enqueue(&mut self, doc: &Document) -> Result<(), String> {
        let body = wire::encode(doc);
        let id = wire::message_id(&body);
        let mut msg = PublishMessage::build()
            .message_id(&id)
            .header(DOC_ID_HEADER, header_value(&doc.id).as_str());
        if body.len() > self.max_body() {
            // Too large for one message: the body goes to the object store under its
            // message id and the queue carries the reference. A re-send overwrites the
            // same object, and its message is dropped as a duplicate.
            if let Err(e) = self.put_object(&id, &body).await {
                self.counts.failed += 1;
                return Err(format!(
                    "{}: {} bytes, larger than the server's max payload, and the object store refused it: {e:#}",
                    doc.id,
                    body.len()
                ));
            }
            msg = msg.header(OBJECT_HEADER, id.as_str());
            self.counts.large += 1;
        } else {
            msg = msg.payload(body.into());
        }
        match self.js.send_publish(self.names.subject.clone(), msg).await {
            Ok(ack) => self.pending.push_back((doc.id.clone(), ack)),
            Err(e) => {
                self.counts.failed += 1;
                return Err(format!("{}: not queued: {e}", doc.id));
            }
        }
        if self.pending.len() >= WINDOW {
            return self.settle_one().await;
        }
        Ok(())
    }

    async fn put_object(&mut self, name: &str, body: &[u8]) -> anyhow::Result<()> {
        if self.objects.is_none() {
            self.objects = Some(crate::objects_bucket(&self.js, &self.names).await?);
        }
        let Some(os) = self.objects.as_ref() else {
            anyhow::bail!("no object store");
        };
        let mut reader = body;
        os.put(name, &mut reader)
            .await
            .with_context(|| format!("storing object {name}"))?;
        Ok(())
    }

    /// Wait for the oldest outstanding acknowledgement.
    async fn settle_one(&mut self) -> Result<(), String> {
        let Some((doc_id, ack)) = self.pending.pop_front() else {
            return Ok(());
        };
        match ack.await {
            Ok(a) if a.duplicate => {
                self.counts.duplicates += 1;
                Ok(())
            }
            Ok(_) => {
                self.counts.queued += 1;
                Ok(())
            }
            Err(e) => {
                self.counts.failed += 1;
                Err(format!("{doc_id}: the server did not confirm it: {e}"))
            }
        }
    }

    /// Wait for every outstanding acknowledgement; returns the per-document errors and the
    /// final counts.
    pub async fn finish(&mut self) -> (Vec<String>, EnqueueCounts) {
        let mut errors = Vec::new();
        while !self.pending.is_empty() {
            if let Err(e) = self.settle_one().await {
                errors.push(e);
            }
        }
        (errors, self.counts.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_are_one_bounded_line() {
        assert_eq!(header_value("a\r\nb\tc"), "a  b c");
        let long = "\u{e9}".repeat(400);
        let v = header_value(&long);
        assert!(v.len() <= 512);
        assert!(v.chars().all(|c| c == '\u{e9}'));
    }
}
