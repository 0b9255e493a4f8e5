//! Multi-row writes: rows of one table sent as `INSERT … VALUES (…), (…), …` instead of one
//! statement (and, on PostgreSQL, one round trip) per row. Both backends take the same SQL.
//!
//! A statement's row count is always a power of two (a run of 45 rows goes as 32 + 8 + 4 + 1),
//! so each table needs at most a handful of distinct statements and the prepared-statement
//! caches of both backends stay small.

use crate::db::{Db, Val};
use crate::Result;

/// Bound on the parameters of one statement: below SQLite's default limit (32,766) and
/// PostgreSQL's (65,535).
const MAX_PARAMS: usize = 30_000;
/// Bound on the rows of one statement.
const MAX_ROWS: usize = 256;

/// The insert statement for `rows` rows of `cols` (numbered `$1` onwards, row by row).
pub(crate) fn insert_rows_sql(table: &str, cols: &[&str], rows: usize) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", cols.join(", "));
    let mut k = 1;
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..cols.len() {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&k.to_string());
            k += 1;
        }
        sql.push(')');
    }
    sql
}

/// The largest power of two not above `n` (n ≥ 1).
fn floor_pow2(n: usize) -> usize {
    1 << (usize::BITS - 1 - n.leading_zeros())
}

/// The sizes, largest first, in which `n` rows of `width` columns are sent.
pub(crate) fn chunk_sizes(n: usize, width: usize) -> Vec<usize> {
    let cap = floor_pow2((MAX_PARAMS / width.max(1)).clamp(1, MAX_ROWS));
    let mut out = Vec::new();
    let mut left = n;
    while left > 0 {
        let k = floor_pow2(left).min(cap);
        out.push(k);
        left -= k;
    }
    out
}

/// Insert `rows` (each `cols.len()` values) into `table` with as few statements as the
/// bounds allow.
pub(crate) fn insert_many(
    db: &mut Box<dyn Db>,
    table: &str,
    cols: &[&str],
    rows: &[Vec<Val>],
) -> Result<()> {
    let mut at = 0;
    let mut params: Vec<Val> = Vec::new();
    for k in chunk_sizes(rows.len(), cols.len()) {
        params.clear();
        for r in &rows[at..at + k] {
            params.extend(r.iter().cloned());
        }
        db.execute(&insert_rows_sql(table, cols, k), &params)?;
        at += k;
    }
    Ok(())
}

/// The queued rows of one table: its name, its columns, the rows.
type Queued = (&'static str, Vec<&'static str>, Vec<Vec<Val>>);

/// Rows of several tables gathered over a batch, written at its end.
#[derive(Default)]
pub(crate) struct Pending {
    tables: Vec<Queued>,
}

impl Pending {
    /// Queue one row of `table`; `cols` must be the same for every row of a table.
    pub(crate) fn push(&mut self, table: &'static str, cols: &[&'static str], row: Vec<Val>) {
        match self.tables.iter_mut().find(|(t, _, _)| *t == table) {
            Some((_, _, rows)) => rows.push(row),
            None => self.tables.push((table, cols.to_vec(), vec![row])),
        }
    }

    /// Write every queued row, table by table in the order first seen.
    pub(crate) fn flush(&mut self, db: &mut Box<dyn Db>) -> Result<()> {
        for (table, cols, rows) in self.tables.drain(..) {
            insert_many(db, table, &cols, &rows)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_powers_of_two_within_the_bounds() {
        assert_eq!(chunk_sizes(45, 3), vec![32, 8, 4, 1]);
        assert_eq!(chunk_sizes(0, 3), Vec::<usize>::new());
        assert_eq!(chunk_sizes(600, 2), vec![256, 256, 64, 16, 8]);
        // 30 columns: at most 1,000 rows by parameters, so 256 by rows still.
        assert!(chunk_sizes(5000, 30).iter().all(|&k| k <= 256));
        // A very wide table keeps each statement under the parameter bound.
        assert!(chunk_sizes(100, 20_000).iter().all(|&k| k == 1));
        assert_eq!(chunk_sizes(777, 5).iter().sum::<usize>(), 777);
    }

    #[test]
    fn statement_numbers_parameters_row_by_row() {
        assert_eq!(
            insert_rows_sql("t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }

    #[test]
    fn rows_arrive_on_sqlite_in_order() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let mut db: Box<dyn Db> = Box::new(crate::db::SqliteDb::new(conn));
        db.batch("CREATE TABLE t (a INTEGER, b TEXT)").unwrap();
        let rows: Vec<Vec<Val>> = (0..37)
            .map(|i| vec![Val::Int(i), Val::Text(format!("row {i}"))])
            .collect();
        let mut p = Pending::default();
        for r in rows {
            p.push("t", &["a", "b"], r);
        }
        p.flush(&mut db).unwrap();
        let got = db.query("SELECT a, b FROM t ORDER BY rowid", &[]).unwrap();
        assert_eq!(got.len(), 37);
        assert_eq!(got[36][1].text().as_deref(), Some("row 36"));
        assert_eq!(got[0][0].int(), Some(0));
    }
}
