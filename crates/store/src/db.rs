//! The thin layer where the two SQL backends differ: binding values, reading rows, running
//! statements. Everything else is written once in `sql.rs` against [`Db`], with `$1`-style
//! numbered parameters (PostgreSQL's native form; rewritten to `?1` for SQLite, which binds
//! `?NNN` by number exactly).

use crate::{Result, StoreError};
use std::collections::HashMap;

/// A SQL value, the small common ground of both backends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Val {
    pub(crate) fn int(&self) -> Option<i64> {
        match self {
            Val::Int(i) => Some(*i),
            Val::Real(f) => Some(*f as i64),
            Val::Text(s) => s.parse().ok(),
            Val::Null => None,
        }
    }
    pub(crate) fn real(&self) -> Option<f64> {
        match self {
            Val::Int(i) => Some(*i as f64),
            Val::Real(f) => Some(*f),
            Val::Text(s) => s.parse().ok(),
            Val::Null => None,
        }
    }
    pub(crate) fn text(&self) -> Option<String> {
        match self {
            Val::Text(s) => Some(s.clone()),
            Val::Int(i) => Some(i.to_string()),
            Val::Real(f) => Some(f.to_string()),
            Val::Null => None,
        }
    }
}

impl From<&str> for Val {
    fn from(s: &str) -> Val {
        Val::Text(s.to_string())
    }
}
impl From<String> for Val {
    fn from(s: String) -> Val {
        Val::Text(s)
    }
}
impl From<&String> for Val {
    fn from(s: &String) -> Val {
        Val::Text(s.clone())
    }
}
impl From<i64> for Val {
    fn from(i: i64) -> Val {
        Val::Int(i)
    }
}
impl From<bool> for Val {
    fn from(b: bool) -> Val {
        Val::Int(i64::from(b))
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(o: Option<T>) -> Val {
        o.map_or(Val::Null, Into::into)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

pub(crate) trait Db: Send {
    fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64>;
    fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Vec<Val>>>;
    /// Run statements without parameters (transactions, migrations).
    fn batch(&mut self, sql: &str) -> Result<()>;
}

// ------------------------------------------------------------------ SQLite

pub(crate) struct SqliteDb {
    pub(crate) conn: rusqlite::Connection,
    rewritten: HashMap<String, String>,
}

impl SqliteDb {
    pub(crate) fn new(conn: rusqlite::Connection) -> Self {
        SqliteDb {
            conn,
            rewritten: HashMap::new(),
        }
    }

    fn sql(&mut self, sql: &str) -> String {
        if let Some(s) = self.rewritten.get(sql) {
            return s.clone();
        }
        let s = dollar_to_question(sql);
        self.rewritten.insert(sql.to_string(), s.clone());
        s
    }
}

/// `$12` → `?12` outside string literals.
fn dollar_to_question(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut in_str = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_str = !in_str;
        }
        if c == '$' && !in_str && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

impl rusqlite::ToSql for Val {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value, ValueRef};
        Ok(match self {
            Val::Null => ToSqlOutput::Owned(Value::Null),
            Val::Int(i) => ToSqlOutput::Owned(Value::Integer(*i)),
            Val::Real(f) => ToSqlOutput::Owned(Value::Real(*f)),
            Val::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

impl Db for SqliteDb {
    fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64> {
        let sql = self.sql(sql);
        let mut st = self.conn.prepare_cached(&sql)?;
        Ok(st.execute(rusqlite::params_from_iter(params.iter()))? as u64)
    }

    fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Vec<Val>>> {
        use rusqlite::types::ValueRef;
        let sql = self.sql(sql);
        let mut st = self.conn.prepare_cached(&sql)?;
        let n = st.column_count();
        let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                row.push(match r.get_ref(i)? {
                    ValueRef::Null => Val::Null,
                    ValueRef::Integer(i) => Val::Int(i),
                    ValueRef::Real(f) => Val::Real(f),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Val::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(row);
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.conn.execute_batch(sql)?)
    }
}

// ------------------------------------------------------------------ PostgreSQL

pub(crate) struct PgDb {
    pub(crate) client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl PgDb {
    pub(crate) fn new(client: postgres::Client) -> Self {
        PgDb {
            client,
            statements: HashMap::new(),
        }
    }

    fn prepare(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let st = self.client.prepare(sql)?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

impl postgres::types::ToSql for Val {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>
    {
        use postgres::types::{IsNull, Type};
        match self {
            Val::Null => Ok(IsNull::Yes),
            Val::Int(i) => match *ty {
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
                _ => i.to_sql(ty, out),
            },
            Val::Real(f) => match *ty {
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                _ => f.to_sql(ty, out),
            },
            Val::Text(s) => match *ty {
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                _ => s.as_str().to_sql(ty, out),
            },
        }
    }

    fn accepts(_ty: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

fn pg_val(row: &postgres::Row, i: usize) -> Result<Val> {
    use postgres::types::Type;
    let ty = row.columns().get(i).map(|c| c.type_().clone());
    let v = match ty {
        Some(Type::INT8) => row.try_get::<_, Option<i64>>(i)?.map(Val::Int),
        Some(Type::INT4) => row
            .try_get::<_, Option<i32>>(i)?
            .map(|x| Val::Int(x.into())),
        Some(Type::INT2) => row
            .try_get::<_, Option<i16>>(i)?
            .map(|x| Val::Int(x.into())),
        Some(Type::FLOAT8) => row.try_get::<_, Option<f64>>(i)?.map(Val::Real),
        Some(Type::FLOAT4) => row
            .try_get::<_, Option<f32>>(i)?
            .map(|x| Val::Real(x.into())),
        Some(Type::BOOL) => row
            .try_get::<_, Option<bool>>(i)?
            .map(|b| Val::Int(i64::from(b))),
        Some(Type::NUMERIC) => {
            return Err(StoreError::Other(
                "NUMERIC column: cast it to BIGINT in the query".into(),
            ))
        }
        _ => row.try_get::<_, Option<String>>(i)?.map(Val::Text),
    };
    Ok(v.unwrap_or(Val::Null))
}

impl Db for PgDb {
    fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64> {
        let st = self.prepare(sql)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        Ok(self.client.execute(&st, &refs)?)
    }

    fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Vec<Val>>> {
        let st = self.prepare(sql)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        let rows = self.client.query(&st, &refs)?;
        rows.iter()
            .map(|r| (0..r.len()).map(|i| pg_val(r, i)).collect())
            .collect()
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.client.batch_execute(sql)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_outside_strings() {
        assert_eq!(
            dollar_to_question("SELECT '$1', $2 WHERE a = $1"),
            "SELECT '$1', ?2 WHERE a = ?1"
        );
    }
}
