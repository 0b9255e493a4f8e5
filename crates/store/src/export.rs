//! Flat tables of stored records for analysts' own tools: CSV, JSON Lines or Parquet.
//! Each row carries its provenance (document, URL, outlet, version) and evidence sentence,
//! so an exported number is still traceable.

use crate::{ClaimRow, DocRef, EntityRow, EventRow, FigureRow, Result, StoreError};
use std::io::Write;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    Int,
    Text,
    Bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Cell {
        s.map_or(Cell::Null, Cell::Text)
    }
}
impl From<i64> for Cell {
    fn from(i: i64) -> Cell {
        Cell::Int(i)
    }
}
impl From<Option<i64>> for Cell {
    fn from(i: Option<i64>) -> Cell {
        i.map_or(Cell::Null, Cell::Int)
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Cell {
        Cell::Bool(b)
    }
}

/// A flat table: named, typed columns and rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<(&'static str, ColType)>,
    pub rows: Vec<Vec<Cell>>,
}

const DOC_COLUMNS: &[(&str, ColType)] = &[
    ("doc_id", ColType::Int),
    ("content_id", ColType::Int),
    ("ext_id", ColType::Text),
    ("url", ColType::Text),
    ("outlet", ColType::Text),
    ("published", ColType::Text),
    ("version", ColType::Int),
    ("is_current", ColType::Bool),
];

fn doc_cells(d: &DocRef) -> Vec<Cell> {
    vec![
        d.doc_id.into(),
        d.content_id.into(),
        d.ext_id.as_str().into(),
        d.url.clone().into(),
        d.outlet.clone().into(),
        d.published.clone().into(),
        d.version.into(),
        d.is_current.into(),
    ]
}

fn table(own: &[(&'static str, ColType)]) -> Table {
    let mut columns: Vec<(&'static str, ColType)> = DOC_COLUMNS.to_vec();
    columns.extend_from_slice(own);
    Table {
        columns,
        rows: Vec::new(),
    }
}

fn u(v: u64) -> Cell {
    Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

pub fn figures_table(rows: &[FigureRow]) -> Table {
    use ColType::*;
    let mut t = table(&[
        ("record", Text),
        ("metric", Text),
        ("value_kind", Text),
        ("low", Int),
        ("high", Int),
        ("value_text", Text),
        ("group_class", Text),
        ("group_text", Text),
        ("place", Text),
        ("place_key", Text),
        ("as_of", Text),
        ("period", Text),
        ("period_start", Text),
        ("period_end", Text),
        ("origin", Text),
        ("sources", Text),
        ("hedged", Bool),
        ("claim", Text),
        ("sentence", Text),
        ("pipeline_version", Text),
    ]);
    for r in rows {
        let mut c = doc_cells(&r.doc);
        c.extend([
            r.rid.as_str().into(),
            r.metric.as_str().into(),
            serde_json::to_value(r.value.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .into(),
            u(r.value.low),
            r.value.high.map_or(Cell::Null, u),
            r.value.text.as_str().into(),
            r.group_class.as_str().into(),
            r.group_text.as_str().into(),
            r.place.clone().into(),
            r.place_key.clone().into(),
            r.as_of_day.clone().into(),
            r.period.clone().into(),
            r.period_start.clone().into(),
            r.period_end.clone().into(),
            r.origin.as_str().into(),
            r.sources.join(" > ").into(),
            r.hedged.into(),
            r.claim.clone().into(),
            r.sentence.as_str().into(),
            r.pipeline_version.as_str().into(),
        ]);
        t.rows.push(c);
    }
    t
}

pub fn events_table(rows: &[EventRow]) -> Table {
    use ColType::*;
    let mut t = table(&[
        ("record", Text),
        ("type", Text),
        ("date", Text),
        ("place", Text),
        ("place_key", Text),
        ("agent", Text),
        ("target", Text),
        ("status", Text),
        ("hedged", Bool),
        ("trigger", Text),
        ("claim", Text),
        ("claim_speaker", Text),
        ("sentence", Text),
        ("pipeline_version", Text),
    ]);
    for r in rows {
        let mut c = doc_cells(&r.doc);
        c.extend([
            r.rid.as_str().into(),
            r.kind.as_str().into(),
            r.date.clone().into(),
            r.place.clone().into(),
            r.place_key.clone().into(),
            r.agent.clone().into(),
            r.target.clone().into(),
            r.status.as_str().into(),
            r.hedged.into(),
            r.trigger.as_str().into(),
            r.claim.clone().into(),
            r.claim_speaker.clone().into(),
            r.sentence.as_str().into(),
            r.pipeline_version.as_str().into(),
        ]);
        t.rows.push(c);
    }
    t
}

pub fn claims_table(rows: &[ClaimRow]) -> Table {
    use ColType::*;
    let mut t = table(&[
        ("record", Text),
        ("speaker", Text),
        ("chain", Text),
        ("cue", Text),
        ("kind", Text),
        ("date", Text),
        ("medium", Text),
        ("hedged", Bool),
        ("content", Text),
        ("pipeline_version", Text),
    ]);
    for r in rows {
        let mut c = doc_cells(&r.doc);
        c.extend([
            r.rid.as_str().into(),
            r.speaker.clone().into(),
            r.chain.join(" > ").into(),
            r.cue.as_str().into(),
            r.kind.as_str().into(),
            r.date.clone().into(),
            r.medium.clone().into(),
            r.hedged.into(),
            r.content.as_str().into(),
            r.pipeline_version.as_str().into(),
        ]);
        t.rows.push(c);
    }
    t
}

/// The story answer as rows: per metric, the current sources (`current`), the chain
/// steps (`chain`, with the rule), increments, unconfirmed figures and breakdowns, each
/// with its origin, day, evidence sentence and link.
pub fn story_table(story: &crate::story::Story) -> Table {
    use crate::story::Cited;
    use ColType::*;
    let mut t = Table {
        columns: vec![
            ("metric", Text),
            ("part", Text),
            ("status", Text),
            ("rule", Text),
            ("by", Text),
            ("value_kind", Text),
            ("low", Int),
            ("high", Int),
            ("value_text", Text),
            ("origin", Text),
            ("origin_key", Text),
            ("as_of", Text),
            ("period", Text),
            ("group_class", Text),
            ("place", Text),
            ("unconfirmed", Bool),
            ("sentence", Text),
            ("link", Text),
            ("outlet", Text),
            ("published", Text),
            ("content_id", Int),
        ],
        rows: Vec::new(),
    };
    let rule = |r: crate::story::Rule| -> Cell {
        serde_json::to_value(r)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .into()
    };
    let mut push = |metric: &str, part: &str, status: Cell, rule: Cell, by: Cell, c: &Cited| {
        t.rows.push(vec![
            metric.into(),
            part.into(),
            status,
            rule,
            by,
            serde_json::to_value(c.value.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .into(),
            u(c.value.low),
            c.value.high.map_or(Cell::Null, u),
            c.value.text.as_str().into(),
            c.origin.as_str().into(),
            c.origin_key.as_str().into(),
            c.as_of.clone().into(),
            c.period.clone().into(),
            c.group.as_str().into(),
            c.place.clone().into(),
            c.unconfirmed.into(),
            c.sentence.as_str().into(),
            c.link.as_str().into(),
            c.outlet.clone().into(),
            c.published.clone().into(),
            c.content_id.into(),
        ]);
    };
    for m in &story.metrics {
        let st: Cell = m.current.status.into();
        for c in &m.current.sources {
            push(
                &m.metric,
                "current",
                st.clone(),
                rule(m.current.rule),
                Cell::Null,
                c,
            );
        }
        for s in &m.chain {
            push(
                &m.metric,
                "chain",
                Cell::Null,
                rule(s.rule),
                Cell::Null,
                &s.first_reported,
            );
        }
        for c in &m.increments {
            push(
                &m.metric,
                "increment",
                Cell::Null,
                Cell::Null,
                Cell::Null,
                c,
            );
        }
        for c in &m.unconfirmed {
            push(
                &m.metric,
                "unconfirmed",
                Cell::Null,
                Cell::Null,
                Cell::Null,
                c,
            );
        }
        for b in &m.breakdowns {
            push(
                &m.metric,
                "breakdown",
                Cell::Null,
                Cell::Null,
                b.by.into(),
                &b.latest,
            );
        }
    }
    t
}

pub fn entities_table(rows: &[EntityRow]) -> Table {
    use ColType::*;
    let mut t = table(&[
        ("record", Text),
        ("type", Text),
        ("subtype", Text),
        ("name", Text),
        ("name_key", Text),
        ("geonames_id", Int),
        ("mentions", Int),
        ("pipeline_version", Text),
    ]);
    for r in rows {
        let mut c = doc_cells(&r.doc);
        c.extend([
            r.rid.as_str().into(),
            r.kind.as_str().into(),
            r.subtype.clone().into(),
            r.name.as_str().into(),
            r.name_key.as_str().into(),
            r.geonames_id.into(),
            r.mentions.into(),
            r.pipeline_version.as_str().into(),
        ]);
        t.rows.push(c);
    }
    t
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// RFC 4180 CSV with a header row; NULL is an empty field.
pub fn write_csv(t: &Table, out: &mut dyn Write) -> Result<()> {
    let head: Vec<String> = t.columns.iter().map(|(n, _)| csv_field(n)).collect();
    writeln!(out, "{}", head.join(","))?;
    for r in &t.rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| match c {
                Cell::Null => String::new(),
                Cell::Int(i) => i.to_string(),
                Cell::Bool(b) => b.to_string(),
                Cell::Text(s) => csv_field(s),
            })
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// One JSON object per row.
pub fn write_jsonl(t: &Table, out: &mut dyn Write) -> Result<()> {
    for r in &t.rows {
        let mut m = serde_json::Map::new();
        for ((name, _), c) in t.columns.iter().zip(r) {
            let v = match c {
                Cell::Null => serde_json::Value::Null,
                Cell::Int(i) => (*i).into(),
                Cell::Bool(b) => (*b).into(),
                Cell::Text(s) => s.clone().into(),
            };
            m.insert((*name).to_string(), v);
        }
        serde_json::to_writer(&mut *out, &serde_json::Value::Object(m))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Parquet with the low-level column writer (no Arrow: keeps the build light). Every column
/// is OPTIONAL; text is UTF8.
pub fn write_parquet(t: &Table, out: &mut dyn Write) -> Result<()> {
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;

    let fields: Vec<String> = t
        .columns
        .iter()
        .map(|(n, ty)| match ty {
            ColType::Int => format!("OPTIONAL INT64 {n};"),
            ColType::Bool => format!("OPTIONAL BOOLEAN {n};"),
            ColType::Text => format!("OPTIONAL BYTE_ARRAY {n} (UTF8);"),
        })
        .collect();
    let msg = format!("message ledger {{ {} }}", fields.join(" "));
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&msg)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut buf: Vec<u8> = Vec::new();
    {
        let mut w = SerializedFileWriter::new(&mut buf, schema, props)?;
        for chunk in t.rows.chunks(65_536) {
            let mut rg = w.next_row_group()?;
            let mut i = 0;
            while let Some(mut col) = rg.next_column()? {
                let ty = t.columns.get(i).map_or(ColType::Text, |c| c.1);
                let cells = chunk.iter().map(|r| r.get(i).unwrap_or(&Cell::Null));
                let defs: Vec<i16> = cells.clone().map(|c| i16::from(*c != Cell::Null)).collect();
                match ty {
                    ColType::Int => {
                        let vals: Vec<i64> = cells
                            .filter_map(|c| match c {
                                Cell::Int(i) => Some(*i),
                                _ => None,
                            })
                            .collect();
                        col.typed::<Int64Type>()
                            .write_batch(&vals, Some(&defs), None)?;
                    }
                    ColType::Bool => {
                        let vals: Vec<bool> = cells
                            .filter_map(|c| match c {
                                Cell::Bool(b) => Some(*b),
                                _ => None,
                            })
                            .collect();
                        col.typed::<BoolType>()
                            .write_batch(&vals, Some(&defs), None)?;
                    }
                    ColType::Text => {
                        let vals: Vec<ByteArray> = cells
                            .filter_map(|c| match c {
                                Cell::Text(s) => Some(ByteArray::from(s.as_str())),
                                _ => None,
                            })
                            .collect();
                        col.typed::<ByteArrayType>()
                            .write_batch(&vals, Some(&defs), None)?;
                    }
                }
                col.close()?;
                i += 1;
            }
            rg.close()?;
        }
        w.close()?;
    }
    out.write_all(&buf)?;
    Ok(())
}

/// Reject a cell whose type does not match its column (a programming error in a table
/// builder), so a malformed Parquet file is never written.
pub fn check(t: &Table) -> Result<()> {
    for (ri, r) in t.rows.iter().enumerate() {
        if r.len() != t.columns.len() {
            return Err(StoreError::Other(format!(
                "export row {ri}: {} cells for {} columns",
                r.len(),
                t.columns.len()
            )));
        }
        for ((name, ty), c) in t.columns.iter().zip(r) {
            let ok = matches!(
                (ty, c),
                (_, Cell::Null)
                    | (ColType::Int, Cell::Int(_))
                    | (ColType::Text, Cell::Text(_))
                    | (ColType::Bool, Cell::Bool(_))
            );
            if !ok {
                return Err(StoreError::Other(format!(
                    "export row {ri}: column {name} has a cell of the wrong type"
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            columns: vec![
                ("n", ColType::Int),
                ("s", ColType::Text),
                ("b", ColType::Bool),
            ],
            rows: vec![
                vec![Cell::Int(1), "a,\"b\"".into(), Cell::Bool(true)],
                vec![Cell::Null, Cell::Null, Cell::Null],
            ],
        }
    }

    #[test]
    fn csv_quotes() {
        let mut out = Vec::new();
        write_csv(&sample(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "n,s,b\n1,\"a,\"\"b\"\"\",true\n,,\n"
        );
    }

    #[test]
    fn parquet_round_trips() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let t = sample();
        check(&t).unwrap();
        let mut out = Vec::new();
        write_parquet(&t, &mut out).unwrap();
        assert_eq!(out.get(..4), Some(&b"PAR1"[..]));
        let r = SerializedFileReader::new(bytes::Bytes::from(out)).unwrap();
        assert_eq!(r.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = r
            .get_row_iter(None)
            .unwrap()
            .map(|row| row.unwrap().to_string())
            .collect();
        assert!(rows[0].contains("a,\"b\""), "{rows:?}");
    }
}
