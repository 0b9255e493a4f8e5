//! From mention candidates to entity clusters: names merged by surname, gazetteer id,
//! lexicon entry or normalised organisation name; then, in text order, role nouns,
//! descriptors and pronouns resolved to the clusters mentioned before them.

use crate::gazetteer::{PlaceKind, GAZ};
use crate::lexicon::{self, KnownKind, DEMONYM, DESCRIPTOR, ROLE};
use crate::names::{role_at, Cue, NameCand, Reading, RoleRaw};
use crate::words::{span_of, Word};
use newsledger_model::{Document, Entity, EntityType, Geo, Mention, MentionKind, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub struct Seg<'a> {
    pub words: Vec<Word<'a>>,
}

#[derive(Debug, Clone)]
struct M {
    span: Span,
    kind: MentionKind,
    seg: usize,
    text: String,
    /// The mention is the subject of a speech verb ("Ukibai said").
    speaker: bool,
}

#[derive(Debug, Clone)]
struct Cluster {
    kind: EntityType,
    subtype: Option<&'static str>,
    name: String,
    mentions: Vec<M>,
    roles: Vec<RoleRaw>,
    /// Owner cluster of each role ("his press secretary": whose).
    role_owner: Vec<Option<usize>>,
    place: Option<u32>,
    country: Option<String>,
    media_kind: &'static str,
    state_media: bool,
    male: Option<bool>,
    surname: Option<String>,
    first: Option<String>,
    gazetteer_name: bool,
}

impl Cluster {
    fn new(kind: EntityType, subtype: Option<&'static str>, name: &str) -> Self {
        Cluster {
            kind,
            subtype,
            name: name.to_string(),
            mentions: Vec::new(),
            roles: Vec::new(),
            role_owner: Vec::new(),
            place: None,
            country: None,
            media_kind: "",
            state_media: false,
            male: None,
            surname: None,
            first: None,
            gazetteer_name: false,
        }
    }
    fn add_role(&mut self, r: RoleRaw) {
        if !self.roles.iter().any(|x| x.span == r.span) {
            self.roles.push(r);
            self.role_owner.push(None);
        }
    }
}

struct State<'a, 'd> {
    doc: &'d Document,
    segs: &'a [Seg<'d>],
    clusters: Vec<Cluster>,
    keys: HashMap<String, usize>,
    /// (start, cluster, kind, seg) of every accepted mention, for recency and salience.
    order: Vec<(usize, usize, MentionKind, usize, bool)>,
    /// Role owner pronouns: pronoun span → (cluster, role index).
    owner_of: HashMap<Span, (usize, usize)>,
    /// Nominal phrase (lower case) → cluster it was resolved to.
    memo: HashMap<String, usize>,
    context: Vec<String>,
}

fn norm_org(text: &str) -> String {
    let t = text.trim_start_matches("the ").trim_start_matches("The ");
    let lower = t.to_lowercase();
    for head in ["ministry of ", "department of "] {
        if let Some(rest) = lower.strip_prefix(head) {
            let rest = rest.trim_start_matches("the ");
            return format!("{rest} {}", head.trim_end_matches(" of "));
        }
    }
    lower
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn geo_of(idx: u32) -> Option<Geo> {
    let p = GAZ.place(idx)?;
    Some(Geo {
        geonames_id: (p.id != 0).then_some(p.id),
        lat: p.lat,
        lon: p.lon,
        country: Some(p.country.to_string()),
    })
}

impl<'a, 'd> State<'a, 'd> {
    fn cluster(&mut self, key: String, make: impl FnOnce() -> Cluster) -> usize {
        if let Some(&i) = self.keys.get(&key) {
            return i;
        }
        let i = self.clusters.len();
        self.clusters.push(make());
        self.keys.insert(key, i);
        i
    }

    fn add(&mut self, ci: usize, m: M) {
        if let Some(c) = self.clusters.get_mut(ci) {
            self.order
                .push((m.span.start(), ci, m.kind, m.seg, m.speaker));
            c.mentions.push(m);
        }
    }

    fn place_cluster(&mut self, idx: u32) -> Option<usize> {
        let p = GAZ.place(idx)?;
        // Keyed by GeoNames id, or by gazetteer row for places without one.
        let key = if p.id != 0 {
            format!("G:{}", p.id)
        } else {
            format!("GX:{idx}")
        };
        let ci = self.cluster(key, || {
            let mut c = Cluster::new(EntityType::Place, Some(p.kind.subtype()), p.name);
            c.place = Some(idx);
            c.country = Some(p.country.to_string());
            c.gazetteer_name = true;
            c
        });
        Some(ci)
    }

    /// "England", "Britain": a part or an older name of a gazetteer country that reports
    /// keep apart from it; the mention keeps the country's geography under its own name.
    fn own_name_cluster(&mut self, idx: u32, name: &str) -> Option<usize> {
        let p = GAZ.place(idx)?;
        let ci = self.cluster(format!("GN:{name}"), || {
            let mut c = Cluster::new(EntityType::Place, Some(p.kind.subtype()), name);
            c.place = Some(idx);
            c.country = Some(p.country.to_string());
            c.gazetteer_name = true;
            c
        });
        Some(ci)
    }

    /// "the Disaster and Emergency Management Authority (AFAD)": a short form in brackets
    /// right after an organisation's name is that organisation's, whatever its letters,
    /// and so is every later use of it ("NEMA" even where a town is spelled so).
    fn bracket_alias(
        &mut self,
        cands: &[NameCand],
        k: usize,
        cand_ci: &[Option<usize>],
    ) -> Option<usize> {
        let c = cands.get(k)?;
        let key = format!("A:{}", self.doc.slice(c.span));
        let named = crate::acronyms::bracketed_after(self.doc, cands, k)
            .and_then(|p| cand_ci.get(p).copied().flatten())
            .filter(|&pi| {
                self.clusters
                    .get(pi)
                    .is_some_and(|x| x.kind == EntityType::Org)
            });
        if let Some(pi) = named {
            self.keys.insert(key, pi);
            return Some(pi);
        }
        self.keys.get(&key).copied()
    }

    fn person_by_surname(&self, tok: &str) -> Option<usize> {
        let t = tok.to_lowercase();
        self.clusters
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| c.kind == EntityType::Person && c.surname.as_deref() == Some(t.as_str()))
            .map(|(i, _)| i)
    }

    fn name_m(c: &NameCand) -> M {
        M {
            span: c.span,
            kind: MentionKind::Name,
            seg: c.seg,
            text: c.text.clone(),
            speaker: c.before_speech,
        }
    }

    /// Clusters for every proper-name candidate.
    fn assign_names(&mut self, cands: &[NameCand], support: &HashSet<&str>) {
        // Countries named in the document steer ambiguous city names.
        for c in cands {
            if let Reading::Place { name, .. } = &c.reading {
                if let Some(p) = GAZ.best(name, &[], false).and_then(|i| GAZ.place(i)) {
                    if p.kind == PlaceKind::Country && !self.context.iter().any(|x| x == p.country)
                    {
                        self.context.push(p.country.to_string());
                    }
                }
            }
        }
        // Full person names first, so that lone surnames find them wherever they are.
        let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];
        for (k, c) in cands.iter().enumerate() {
            if !matches!(c.reading, Reading::Person) || c.tokens.len() < 2 {
                continue;
            }
            let (Some(first), Some(last)) = (c.tokens.first(), c.tokens.last()) else {
                continue;
            };
            if c.weak
                && !c.tokens.iter().all(|t| support.contains(t.as_str()))
                && c.roles.is_empty()
            {
                // A title-case headline run ("Violent Protests Erupt") is not a name unless
                // the body uses its words as names.
                if self.is_headline(c.seg) {
                    continue;
                }
            }
            let sur = last.to_lowercase();
            let fl = first.to_lowercase();
            let existing = self.clusters.iter().position(|x| {
                x.kind == EntityType::Person
                    && x.surname.as_deref() == Some(sur.as_str())
                    && x.first.as_deref().is_none_or(|f| {
                        f == fl
                            || f.chars().next() == fl.chars().next()
                                && (f.len() <= 2 || fl.len() <= 2)
                    })
            });
            let ci = match existing {
                Some(i) => i,
                None => {
                    let i = self.clusters.len();
                    let mut cl = Cluster::new(EntityType::Person, None, &c.text);
                    cl.surname = Some(sur);
                    cl.first = Some(fl);
                    self.clusters.push(cl);
                    i
                }
            };
            assigned[k] = Some(ci);
        }
        let mut late: Vec<usize> = Vec::new();
        let mut cand_ci: Vec<Option<usize>> = vec![None; cands.len()];
        for (k, c) in cands.iter().enumerate() {
            let alias = crate::acronyms::short_form(self.doc.slice(c.span))
                .then(|| self.bracket_alias(cands, k, &cand_ci))
                .flatten();
            let ci = match (&c.reading, assigned.get(k).copied().flatten()) {
                _ if alias.is_some() => alias,
                (_, Some(ci)) => Some(ci),
                (Reading::Person, None) => None,
                (Reading::Known(kn), None) => {
                    let kind = if kn.kind == KnownKind::Platform {
                        EntityType::Platform
                    } else {
                        EntityType::Org
                    };
                    // "the Red Cross" after "the International Committee of the Red Cross":
                    // a short name refers to the longer one the document named it by.
                    let tail = format!(" {}", kn.canonical);
                    let longer = self.clusters.iter().position(|x| {
                        x.kind == kind && x.name.len() > tail.len() && x.name.ends_with(&tail)
                    });
                    if let Some(li) = longer {
                        self.keys.entry(format!("K:{}", kn.canonical)).or_insert(li);
                    }
                    let ci = self.cluster(format!("K:{}", kn.canonical), || {
                        let mut cl = Cluster::new(
                            kind,
                            (!kn.subtype.is_empty()).then_some(kn.subtype),
                            kn.canonical,
                        );
                        cl.media_kind = kn.media_kind;
                        cl.state_media = kn.state_media;
                        cl
                    });
                    Some(ci)
                }
                (Reading::Place { name, want_city }, None) => {
                    let sur = (!name.contains(' ') && !*want_city && !c.after_place_prep)
                        .then(|| self.person_by_surname(name))
                        .flatten();
                    if sur.is_some() {
                        sur
                    } else if c.weak
                        && !support.contains(name.as_str())
                        && self.is_headline(c.seg)
                        && name.len() < 4
                    {
                        None
                    } else {
                        let list = crate::place_lists::list_country(self.doc, cands, k)
                            .or_else(|| crate::place_lists::recent_country(cands, k));
                        let ctx: Vec<&str> = match list {
                            Some(cc) => vec![cc],
                            None => self.context.iter().map(String::as_str).collect(),
                        };
                        let idx = GAZ.best(name, &ctx, *want_city);
                        // "Tenn." is kept apart from "Tennessee" as "England" is from the UK.
                        let abbrev = c
                            .text
                            .strip_suffix('.')
                            .is_some_and(|t| !t.contains('.') && lexicon::is("state_abbrev", t));
                        if abbrev || lexicon::is("own_cluster_place", name) {
                            idx.and_then(|i| self.own_name_cluster(i, &c.text))
                        } else {
                            idx.and_then(|i| self.place_cluster(i))
                        }
                    }
                }
                (Reading::Region { base }, None) => {
                    let key = format!("R:{}", c.text.to_lowercase());
                    let base = *base;
                    let text = c.text.clone();
                    Some(self.cluster(key, || {
                        let mut cl = Cluster::new(EntityType::Place, Some("region"), &text);
                        cl.country = base
                            .and_then(|i| GAZ.place(i))
                            .map(|p| p.country.to_string());
                        cl
                    }))
                }
                (Reading::Landmark, None) => {
                    let text = c.text.clone();
                    // "the Pellik copper mine" … "the Pellik mine": same first and last
                    // word, one modifier dropped, is the same site.
                    let ends = |t: &str| {
                        let l = t.to_lowercase();
                        let f = l.split(' ').next().unwrap_or("").to_string();
                        let z = l.rsplit(' ').next().unwrap_or("").to_string();
                        (f, z, l.split(' ').count())
                    };
                    let (f, z, n) = ends(&text);
                    let same_site = self.clusters.iter().position(|x| {
                        x.kind == EntityType::Place && x.subtype == Some("landmark") && {
                            let (xf, xz, xn) = ends(&x.name);
                            n >= 2 && xn >= 2 && xf == f && xz == z && n.abs_diff(xn) == 1
                        }
                    });
                    if let Some(i) = same_site {
                        self.keys
                            .entry(format!("M:{}", text.to_lowercase()))
                            .or_insert(i);
                    }
                    // "Europe", "the Himalayas": a world region, wider than any country.
                    let subtype = if lexicon::is("world_region", &text) {
                        "world_region"
                    } else {
                        "landmark"
                    };
                    Some(self.cluster(format!("M:{}", text.to_lowercase()), || {
                        Cluster::new(EntityType::Place, Some(subtype), &text)
                    }))
                }
                (Reading::Historical, None) => {
                    let text = c.text.clone();
                    Some(self.cluster(format!("H:{text}"), || {
                        Cluster::new(EntityType::Place, Some("country"), &text)
                    }))
                }
                (Reading::Org(sub), None) => {
                    let text = c.text.clone();
                    let sub = (!sub.is_empty()).then_some(*sub);
                    // "(TST)" in the dateline, "Talvarian State Television" later: the full
                    // name spells out an acronym the document used first.
                    let ini = initials(&text);
                    if ini.chars().count() >= 2 && text.contains(' ') {
                        let short = self.clusters.iter().position(|x| {
                            x.kind == EntityType::Org
                                && x.name == ini
                                && (x.subtype.is_none() || sub.is_none() || x.subtype == sub)
                        });
                        if let Some(si) = short {
                            self.keys
                                .entry(format!("O:{}", norm_org(&text)))
                                .or_insert(si);
                            if let Some(x) = self.clusters.get_mut(si) {
                                if x.subtype.is_none() {
                                    x.subtype = sub;
                                }
                            }
                        }
                    }
                    Some(self.cluster(format!("O:{}", norm_org(&text)), || {
                        Cluster::new(EntityType::Org, sub, &text)
                    }))
                }
                (Reading::Acronym, None) => {
                    let text = c.text.clone();
                    let by_initials = self
                        .clusters
                        .iter()
                        .position(|x| x.kind == EntityType::Org && initials(&x.name) == text);
                    match by_initials {
                        Some(i) => Some(i),
                        None => Some(self.cluster(format!("O:{}", text.to_lowercase()), || {
                            Cluster::new(EntityType::Org, None, &text)
                        })),
                    }
                }
                (Reading::Single, None) => {
                    if let Some(ci) = self.person_by_surname(&c.text) {
                        Some(ci)
                    } else if let Some((cue, sub)) = c.cue.filter(|_| !c.titled) {
                        let text = c.text.clone();
                        let sub = (!sub.is_empty()).then_some(sub);
                        match cue {
                            // "access to Quill" after "the Quill social network": a
                            // platform already named keeps its word.
                            Cue::Place
                                if self
                                    .keys
                                    .get(&format!("O:{}", norm_org(&text)))
                                    .and_then(|&i| self.clusters.get(i))
                                    .is_some_and(|x| x.kind == EntityType::Platform) =>
                            {
                                self.keys.get(&format!("O:{}", norm_org(&text))).copied()
                            }
                            Cue::Place => Some(self.cluster(format!("U:{text}"), || {
                                Cluster::new(EntityType::Place, sub, &text)
                            })),
                            Cue::Org => {
                                Some(self.cluster(format!("O:{}", norm_org(&text)), || {
                                    Cluster::new(EntityType::Org, sub, &text)
                                }))
                            }
                            // Keyed like an organisation so a later lone "Relay" finds it.
                            Cue::Platform => {
                                Some(self.cluster(format!("O:{}", norm_org(&text)), || {
                                    Cluster::new(EntityType::Platform, None, &text)
                                }))
                            }
                        }
                    } else if c.titled {
                        let text = c.text.clone();
                        let ci = self.cluster(format!("P:{}", text.to_lowercase()), || {
                            let mut cl = Cluster::new(EntityType::Person, None, &text);
                            cl.surname = Some(text.to_lowercase());
                            cl
                        });
                        Some(ci)
                    } else {
                        // Typed elsewhere in the document ("in Harnow" … "Harnow's mayor").
                        let known = self
                            .keys
                            .get(&format!("U:{}", c.text))
                            .or_else(|| self.keys.get(&format!("O:{}", norm_org(&c.text))))
                            .copied();
                        if known.is_none() {
                            late.push(k);
                        }
                        known
                    }
                }
            };
            let Some(ci) = ci else { continue };
            if let Some(slot) = cand_ci.get_mut(k) {
                *slot = Some(ci);
            }
            let m = Self::name_m(c);
            self.add(ci, m);
            if let Some(cl) = self.clusters.get_mut(ci) {
                if cl.kind == EntityType::Person {
                    for r in &c.roles {
                        cl.add_role(r.clone());
                    }
                    if cl.male.is_none() {
                        cl.male = c.male;
                    }
                    if c.text.len() > cl.name.len() && matches!(c.reading, Reading::Person) {
                        cl.name = c.text.clone();
                    }
                } else if !cl.gazetteer_name
                    && !matches!(c.reading, Reading::Known(_))
                    && c.text.len() > cl.name.len()
                {
                    cl.name = c.text.clone();
                }
            }
        }
        // Lone words typed only by a later mention, or by a demonym formed from them
        // ("Talvaria" beside "Talvarian").
        let text = self.doc.text.as_str();
        // Scanning the whole text once per name made this quadratic on long documents:
        // a name+suffix made of letters only ends a word exactly when some word of the
        // text, reversed, starts with it reversed. (Names whose suffixed form overlaps
        // itself keep the scan, which only reports non-overlapping occurrences.)
        let words_rev: std::cell::OnceCell<Vec<&str>> = std::cell::OnceCell::new();
        let has_demonym = |t: &str| {
            const SUFFIXES: [&str; 5] = ["n", "an", "ian", "ese", "i"];
            // Suffixes left to the scan of the text, with where their next match may start.
            let mut scan: Vec<(&str, usize)> = Vec::with_capacity(SUFFIXES.len());
            for suf in SUFFIXES {
                let d = format!("{t}{suf}");
                // On a short text one scan costs less than building the index; both give
                // the same answer here (a border-free name's occurrences never overlap).
                if d.chars().all(char::is_alphanumeric)
                    && !has_border(&d)
                    && text.len() > INDEX_DEMONYMS_ABOVE
                {
                    let idx = words_rev.get_or_init(|| reversed_words(text));
                    let i = idx.partition_point(|w| w.chars().rev().lt(d.chars().rev()));
                    if idx.get(i).is_some_and(|w| w.ends_with(d.as_str())) {
                        return true;
                    }
                } else {
                    scan.push((suf, 0));
                }
            }
            if scan.is_empty() {
                return false;
            }
            name_then_suffix_ends_word(text, t, &mut scan)
        };
        for ci in 0..self.clusters.len() {
            let promote = self.clusters.get(ci).is_some_and(|c| {
                c.kind == EntityType::Place
                    && c.place.is_none()
                    && matches!(c.subtype, Some("city") | None)
                    && has_demonym(&c.name)
            });
            if promote {
                if let Some(c) = self.clusters.get_mut(ci) {
                    c.subtype = Some("country");
                }
            }
        }
        for k in late {
            let Some(c) = cands.get(k) else { continue };
            let person_key = format!("P:{}", c.text.to_lowercase());
            let mut ci = self
                .keys
                .get(&format!("U:{}", c.text))
                .or_else(|| self.keys.get(&format!("O:{}", norm_org(&c.text))))
                .or_else(|| self.keys.get(&person_key))
                .copied();
            // "said Robyn, an evacuee": a speaker's name the document types no other way.
            if ci.is_none() && c.said_name {
                let t = c.text.clone();
                ci = Some(self.cluster(person_key, || {
                    let mut cl = Cluster::new(EntityType::Person, None, &t);
                    cl.surname = Some(t.to_lowercase());
                    cl
                }));
            }
            if ci.is_none() && c.text.chars().count() >= 4 && has_demonym(&c.text) {
                let t = c.text.clone();
                ci = Some(self.cluster(format!("U:{t}"), || {
                    Cluster::new(EntityType::Place, Some("country"), &t)
                }));
            }
            if let Some(ci) = ci {
                self.add(ci, Self::name_m(c));
            }
        }
        // Acronyms defined after their long form was used, and the reverse.
        for i in 0..self.clusters.len() {
            let Some(a) = self.clusters.get(i) else {
                continue;
            };
            if a.kind != EntityType::Org || a.subtype.is_some() || a.mentions.is_empty() {
                continue;
            }
            let acr = a.name.clone();
            if let Some(j) = self.clusters.iter().position(|x| {
                x.kind == EntityType::Org
                    && x.name != acr
                    && initials(&x.name) == acr
                    && !x.mentions.is_empty()
            }) {
                let moved: Vec<M> = self
                    .clusters
                    .get_mut(i)
                    .map(|c| std::mem::take(&mut c.mentions))
                    .unwrap_or_default();
                for m in &moved {
                    for o in self.order.iter_mut() {
                        if o.0 == m.span.start() && o.1 == i {
                            o.1 = j;
                        }
                    }
                }
                if let Some(cj) = self.clusters.get_mut(j) {
                    cj.mentions.extend(moved);
                }
            }
        }
        for (ci, c) in self.clusters.iter().enumerate() {
            for (ri, r) in c.roles.iter().enumerate() {
                if let Some(o) = r.owner {
                    self.owner_of.insert(o, (ci, ri));
                }
            }
        }
        self.order.sort_by_key(|o| o.0);
    }

    fn is_headline(&self, seg: usize) -> bool {
        self.segs
            .get(seg)
            .and_then(|s| s.words.first())
            .is_some_and(|w| {
                w.start
                    && self
                        .segs
                        .get(seg)
                        .is_some_and(|s| s.words.iter().all(|x| x.start))
            })
    }

    fn before(
        &self,
        p: usize,
    ) -> impl DoubleEndedIterator<Item = &(usize, usize, MentionKind, usize, bool)> {
        let k = self.order.partition_point(|o| o.0 < p);
        self.order.iter().take(k)
    }

    fn push_order(&mut self, o: (usize, usize, MentionKind, usize, bool)) {
        let k = self.order.partition_point(|x| x.0 <= o.0);
        self.order.insert(k, o);
    }

    fn kind_of(&self, ci: usize) -> Option<EntityType> {
        self.clusters.get(ci).map(|c| c.kind)
    }

    fn person_ok(&self, ci: usize, male: bool) -> bool {
        self.clusters
            .get(ci)
            .is_some_and(|c| c.kind == EntityType::Person && c.male != Some(!male))
    }

    /// He/she/his/her: the last speaker after a quote, else the first compatible person
    /// of the sentence before it, else the only person named in the sentence before.
    fn resolve_pronoun(&self, si: usize, wi: usize, male: bool) -> Option<usize> {
        let seg = self.segs.get(si)?;
        let w = seg.words.get(wi)?;
        let p = w.span.start();
        let next_speech = seg
            .words
            .get(wi + 1)
            .is_some_and(|x| lexicon::is("speech_verb", &x.lower));
        let prev_quote = wi
            .checked_sub(1)
            .and_then(|k| seg.words.get(k))
            .is_some_and(|x| matches!(x.text, "”" | "\"" | "’" | "'" | ","));
        if next_speech && prev_quote {
            return self
                .before(p)
                .rev()
                .find(|o| o.4 && self.person_ok(o.1, male))
                .map(|o| o.1);
        }
        if let Some(o) = self
            .before(p)
            .find(|o| o.3 == si && self.person_ok(o.1, male))
        {
            return Some(o.1);
        }
        // The nearest earlier sentence with a person in it, if it names only one — and only
        // for a pronoun that opens its sentence (its subject), where that reading is safe,
        // and not inside a quotation (where "he" is often someone else).
        if wi > 1 || self.inside_quote(p) {
            return None;
        }
        let mut prev_seg = None;
        for o in self.before(p).rev() {
            if o.3 + 3 < si {
                break;
            }
            if self.kind_of(o.1) == Some(EntityType::Person) && o.2 != MentionKind::Pronoun {
                prev_seg = Some(o.3);
                break;
            }
        }
        let ps = prev_seg?;
        let people: HashSet<usize> = self
            .before(p)
            .filter(|o| {
                o.3 == ps
                    && o.2 != MentionKind::Pronoun
                    && self.kind_of(o.1) == Some(EntityType::Person)
            })
            .map(|o| o.1)
            .collect();
        if people.len() == 1 {
            let ci = people.into_iter().next()?;
            return self.person_ok(ci, male).then_some(ci);
        }
        None
    }

    /// Is the offset inside a quotation of its paragraph?
    fn inside_quote(&self, p: usize) -> bool {
        let start = self
            .doc
            .paragraph_index_at(p)
            .and_then(|i| self.doc.layers.paragraphs.get(i))
            .map_or(0, |s| s.start());
        let Some(before) = self.doc.text.get(start..p) else {
            return false;
        };
        let mut depth: i32 = 0;
        let mut straight = false;
        for c in before.chars() {
            match c {
                '“' => depth += 1,
                '”' => depth = (depth - 1).max(0),
                '"' => straight = !straight,
                _ => {}
            }
        }
        depth > 0 || straight
    }

    /// The most salient country before `p` (most mentioned, then most recent), among
    /// `allowed` when given.
    fn salient_country(&self, p: usize, allowed: Option<&dyn Fn(&str) -> bool>) -> Option<usize> {
        let mut score: HashMap<usize, (usize, usize)> = HashMap::default();
        for o in self.before(p) {
            let Some(c) = self.clusters.get(o.1) else {
                continue;
            };
            if c.kind != EntityType::Place || c.subtype != Some("country") {
                continue;
            }
            if let Some(al) = allowed {
                if !al(c.country.as_deref().unwrap_or("")) {
                    continue;
                }
            }
            let e = score.entry(o.1).or_insert((0, 0));
            e.0 += 1;
            e.1 = o.0;
        }
        score.into_iter().max_by_key(|(_, v)| *v).map(|(k, _)| k)
    }

    fn recent<F: Fn(&Cluster) -> bool>(
        &self,
        p: usize,
        max_back: usize,
        si: usize,
        f: F,
    ) -> Option<usize> {
        self.before(p)
            .rev()
            .take_while(|o| o.3 + max_back >= si)
            .find(|o| self.clusters.get(o.1).is_some_and(&f))
            .map(|o| o.1)
    }

    fn nominal_m(&self, span: Span, si: usize, next: Option<&Word>) -> M {
        M {
            span,
            kind: MentionKind::Nominal,
            seg: si,
            text: self.doc.slice(span).to_string(),
            speaker: next.is_some_and(|x| lexicon::is("speech_verb", &x.lower)),
        }
    }

    fn accept(&mut self, ci: usize, m: M) {
        let o = (m.span.start(), ci, m.kind, m.seg, m.speaker);
        if let Some(c) = self.clusters.get_mut(ci) {
            c.mentions.push(m);
        }
        self.push_order(o);
    }

    /// Role nouns, descriptors and pronouns, in text order.
    fn walk(&mut self, name_spans: &[Span], role_spans: &[Span]) {
        let mut deferred: Vec<(usize, Span, RoleNominal)> = Vec::new();
        // Both lists are sorted by start; a span overlaps one of them only near its
        // insertion point, so look there (and a few before, for long spans).
        let inside = |s: Span, list: &[Span]| {
            let k = list.partition_point(|x| x.start() < s.end());
            list.get(k.saturating_sub(4)..k)
                .is_some_and(|l| l.iter().any(|x| x.overlaps(s)))
        };
        for si in 0..self.segs.len() {
            let n = self.segs.get(si).map_or(0, |s| s.words.len());
            let mut wi = 0;
            while wi < n {
                let Some(seg) = self.segs.get(si) else { break };
                let w = &seg.words;
                let Some(x) = w.get(wi) else { break };
                if inside(x.span, name_spans) || !x.is_word {
                    wi += 1;
                    continue;
                }
                // Pronouns.
                let male = match x.lower.as_str() {
                    "he" | "him" | "his" | "himself" => Some(true),
                    "she" | "her" | "hers" | "herself" => Some(false),
                    _ => None,
                };
                if let Some(male) = male {
                    if let Some(ci) = self.resolve_pronoun(si, wi, male) {
                        let m = M {
                            span: x.span,
                            kind: MentionKind::Pronoun,
                            seg: si,
                            text: x.text.to_string(),
                            speaker: w
                                .get(wi + 1)
                                .is_some_and(|y| lexicon::is("speech_verb", &y.lower)),
                        };
                        let span = x.span;
                        if let Some(c) = self.clusters.get_mut(ci) {
                            if c.male.is_none() {
                                c.male = Some(male);
                            }
                        }
                        self.accept(ci, m);
                        if let Some(&(pc, ri)) = self.owner_of.get(&span) {
                            if let Some(slot) = self
                                .clusters
                                .get_mut(pc)
                                .and_then(|c| c.role_owner.get_mut(ri))
                            {
                                *slot = Some(ci);
                            }
                        }
                    }
                    // "his press secretary": the pronoun owns a role noun mention.
                    if matches!(x.lower.as_str(), "his" | "her") {
                        if let Some(rn) = self.role_nominal(si, wi) {
                            let skip = rn.end_word.max(wi + 1);
                            if !inside(rn.noun_span, role_spans) {
                                match self.resolve_role(&rn) {
                                    Some(ci) => {
                                        let next = self
                                            .segs
                                            .get(si)
                                            .and_then(|s| s.words.get(rn.end_word));
                                        let m = self.nominal_m(rn.span, si, next);
                                        self.memo.insert(rn.key.clone(), ci);
                                        self.accept(ci, m);
                                    }
                                    None => deferred.push((si, rn.span, rn)),
                                }
                            }
                            wi = skip;
                            continue;
                        }
                    }
                    wi += 1;
                    continue;
                }
                // Role nouns ("the Kazakh president", "his press secretary", "the leader").
                if let Some(rn) = self.role_nominal(si, wi) {
                    let skip = rn.end_word.max(wi + 1);
                    if !inside(rn.noun_span, role_spans) {
                        match self.resolve_role(&rn) {
                            Some(ci) => {
                                let m = self.nominal_m(rn.span, si, w.get(rn.end_word));
                                self.memo.insert(rn.key.clone(), ci);
                                self.accept(ci, m);
                            }
                            None if rn.owner.is_some() => deferred.push((si, rn.span, rn)),
                            None => {}
                        }
                    }
                    wi = skip;
                    continue;
                }
                // "the Pakistani army", "the Kazakh government": a national body.
                if let Some(cc) = DEMONYM.get(x.text) {
                    let next = w.get(wi + 1);
                    let det = wi
                        .checked_sub(1)
                        .and_then(|k| w.get(k))
                        .is_some_and(|p| p.is("the"));
                    if let Some((n, sub)) = next
                        .filter(|n| n.is_word && !n.cap && det)
                        .and_then(|n| lexicon::value("demonym_org", &n.lower).map(|s| (n, s)))
                    {
                        let span = Span::new(x.span.start(), n.span.end());
                        let name = self.doc.slice(span).to_string();
                        let key = format!("O:{cc} {}", n.lower);
                        let ci =
                            self.cluster(key, || Cluster::new(EntityType::Org, Some(sub), &name));
                        let m = self.nominal_m(span, si, w.get(wi + 2));
                        self.accept(ci, m);
                        wi += 2;
                        continue;
                    }
                }
                // "the health ministry": a ministry named in lower case.
                if x.lower == "ministry" && !x.cap {
                    let prev = wi.checked_sub(1).and_then(|k| w.get(k));
                    if let Some(p) = prev.filter(|p| {
                        p.is_word
                            && !p.cap
                            && p.text.chars().all(char::is_alphabetic)
                            && !matches!(
                                p.lower.as_str(),
                                "the" | "a" | "this" | "that" | "his" | "her" | "its" | "their"
                            )
                    }) {
                        // "the Dravian interior ministry": a national adjective keeps one
                        // country's ministry apart from another's.
                        let nation = wi.checked_sub(2).and_then(|k| w.get(k)).filter(|q| {
                            q.is_word
                                && q.cap
                                && q.text.chars().all(char::is_alphabetic)
                                && wi
                                    .checked_sub(3)
                                    .and_then(|k| w.get(k))
                                    .is_some_and(|d| d.is("the"))
                        });
                        let start = nation.map_or(p.span.start(), |q| q.span.start());
                        let span = Span::new(start, x.span.end());
                        let name = self.doc.slice(span).to_string();
                        let key = format!("O:{}", norm_org(&name));
                        // "the interior ministry" after one "Dravian interior ministry" is
                        // that ministry; after two countries' ministries it stays apart.
                        let plain = format!(" {}", name.to_lowercase());
                        let national: Vec<usize> = if nation.is_none() {
                            self.clusters
                                .iter()
                                .enumerate()
                                .filter(|(_, c)| {
                                    c.kind == EntityType::Org
                                        && c.name.to_lowercase().ends_with(&plain)
                                })
                                .map(|(k, _)| k)
                                .collect()
                        } else {
                            Vec::new()
                        };
                        let ci = match national.as_slice() {
                            [only] if !self.keys.contains_key(&key) => *only,
                            _ => self.cluster(key, || {
                                Cluster::new(EntityType::Org, Some("government"), &name)
                            }),
                        };
                        let m = self.nominal_m(span, si, w.get(wi + 1));
                        let m = M {
                            kind: MentionKind::Name,
                            ..m
                        };
                        self.accept(ci, m);
                        wi += 1;
                        continue;
                    }
                }
                if let Some((ci, span, end)) = self.other_nominal(si, wi) {
                    let next = self.segs.get(si).and_then(|s| s.words.get(end));
                    let m = self.nominal_m(span, si, next);
                    self.accept(ci, m);
                    wi = end.max(wi + 1);
                    continue;
                }
                wi += 1;
            }
        }
        // Cataphora: "his press secretary said …" before "His press secretary Aidos Ukibai".
        for (si, _, rn) in deferred {
            if let Some(ci) = self.resolve_role(&rn) {
                let next = self.segs.get(si).and_then(|s| s.words.get(rn.end_word));
                let m = self.nominal_m(rn.span, si, next);
                self.accept(ci, m);
            }
        }
    }

    /// A definite role-noun phrase starting at or after word `wi` whose first word is `wi`.
    fn role_nominal(&self, si: usize, wi: usize) -> Option<RoleNominal> {
        let seg = self.segs.get(si)?;
        let w = &seg.words;
        let x = w.get(wi)?;
        // The phrase begins with a determiner, a possessive or (capitalised) the noun itself.
        let det = matches!(x.lower.as_str(), "the" | "his" | "her" | "their" | "its")
            || (x.poss && x.is_word);
        let mut i = if det { wi + 1 } else { wi };
        let owner_word = (x.lower == "his" || x.lower == "her").then_some(x.span);
        let mut country: Option<String> = None;
        let mut former = false;
        let mut owner_country = None;
        if x.poss {
            // "Kazakhstan's president", "the country's president" handled by caller words.
            if let Some(p) = GAZ
                .best(x.text, &self.ctx(), false)
                .and_then(|k| GAZ.place(k))
            {
                country = Some(p.country.to_string());
            } else {
                return None;
            }
        }
        let mut steps = 0;
        while let Some(y) = w.get(i) {
            if steps > 4 || !y.is_word {
                break;
            }
            if role_at(w, i).is_some() {
                break;
            }
            if let Some(cc) = DEMONYM.get(y.text) {
                country = Some((*cc).to_string());
            } else if y.lower == "country" && y.poss {
                owner_country = Some(());
            } else if lexicon::is("former", &y.lower) {
                former = true;
            } else if !(lexicon::is("role_modifier", &y.lower) || y.poss && y.cap) {
                return None;
            }
            if y.poss && y.cap {
                if let Some(p) = GAZ
                    .best(y.text, &self.ctx(), false)
                    .and_then(|k| GAZ.place(k))
                {
                    country = Some(p.country.to_string());
                }
            }
            i += 1;
            steps += 1;
        }
        let (len, noun) = role_at(w, i)?;
        let rn = ROLE.get(noun)?;
        if matches!(rn.class, "honorific" | "other" | "journalist") {
            return None;
        }
        let noun_word = w.get(i + len - 1)?;
        let noun_span = span_of(w, i, i + len)?;
        // Without a determiner only a capitalised title with "of" is definite ("President
        // of Kazakhstan", "Leader of the nation").
        let mut end = i + len;
        let mut span_end = end;
        let has_of = w.get(end).is_some_and(|y| y.is("of"));
        if !(det || w.get(i).is_some_and(|y| y.cap) && has_of) {
            return None;
        }
        // A name right after the noun makes it a title, not a mention of its own.
        if !noun_word.poss
            && w.get(end)
                .is_some_and(|y| y.cap && y.is_word && !y.is("of"))
        {
            return None;
        }
        if has_of && !noun_word.poss {
            // "of the nation" / "of the country" stay in the phrase; "of Kazakhstan" gives the
            // country but is a mention of its own.
            let a = w.get(end + 1);
            let b = w.get(end + 2);
            if a.is_some_and(|y| y.is("the"))
                && b.is_some_and(|y| matches!(y.lower.as_str(), "nation" | "country" | "republic"))
            {
                end += 3;
                span_end = end;
                owner_country = Some(());
            } else if let Some(y) = a.filter(|y| y.cap) {
                if let Some(p) = GAZ
                    .best(y.text, &self.ctx(), false)
                    .and_then(|k| GAZ.place(k))
                {
                    country = Some(p.country.to_string());
                    end += 2;
                } else {
                    return None;
                }
            } else {
                return None;
            }
        }
        let span_start = x.span.start();
        let last = w.get(span_end - 1)?;
        let span = Span::new(span_start, last.span.end());
        let text = self.doc.slice(span).to_lowercase();
        let key = text
            .trim_start_matches("the ")
            .trim_start_matches("his ")
            .trim_start_matches("her ")
            .to_string();
        if owner_country.is_some() && country.is_none() {
            country = self
                .salient_country(span.start(), None)
                .and_then(|ci| self.clusters.get(ci))
                .and_then(|c| c.country.clone());
        }
        Some(RoleNominal {
            span,
            noun_span,
            end_word: end,
            noun,
            leader: rn.leader,
            former,
            country,
            owner: owner_word,
            owner_cluster: None,
            key,
        })
    }

    fn ctx(&self) -> Vec<&str> {
        self.context.iter().map(String::as_str).collect()
    }

    fn resolve_role(&mut self, rn: &RoleNominal) -> Option<usize> {
        if let Some(&ci) = self.memo.get(&rn.key) {
            return Some(ci);
        }
        let p = rn.span.start();
        let owner = match rn.owner {
            Some(o) => {
                // The owner pronoun was resolved in the walk (it is a pronoun mention).
                let owns = |c: &Cluster| {
                    c.mentions
                        .iter()
                        .any(|m| m.span == o && m.kind == MentionKind::Pronoun)
                };
                // Every mention has an entry in `order` (sorted by start): look up the
                // clusters with a pronoun starting there before scanning them all.
                let k = self.order.partition_point(|x| x.0 < o.start());
                let quick = self
                    .order
                    .get(k..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|x| x.0 == o.start())
                    .filter(|x| x.2 == MentionKind::Pronoun)
                    .map(|x| x.1)
                    .filter(|&ci| self.clusters.get(ci).is_some_and(owns))
                    .min();
                let found = quick.or_else(|| self.clusters.iter().position(owns));
                Some(found?)
            }
            None => rn.owner_cluster,
        };
        let generic_leader = rn.noun == "leader";
        // "the head of state" names no title of its own: it is whoever holds one of the
        // head-of-state titles ("President …", "King …"); likewise "head of government".
        let generic_class = match rn.noun {
            "head of state" => Some("head_of_state"),
            "head of government" => Some("head_of_government"),
            _ => None,
        };
        let fits = |c: &Cluster, ci: usize| -> bool {
            if c.kind != EntityType::Person || Some(ci) == owner {
                return false;
            }
            c.roles.iter().enumerate().any(|(ri, r)| {
                let noun_ok = if generic_leader {
                    r.leader
                } else if let Some(class) = generic_class {
                    r.noun == rn.noun || r.class == class && r.noun != "leader"
                } else {
                    r.noun == rn.noun
                };
                let former_ok = generic_leader || r.former == rn.former;
                let country_ok = match (&rn.country, &r.country) {
                    (Some(a), Some(b)) => a == b,
                    (Some(_), None) => false,
                    _ => true,
                };
                let owner_ok = match (owner, c.role_owner.get(ri).copied().flatten()) {
                    (Some(a), Some(b)) => a == b,
                    (Some(_), None) => r.owner.is_none(),
                    _ => true,
                };
                noun_ok && former_ok && country_ok && owner_ok
            })
        };
        // The most recent fitting person mentioned before; failing that (cataphora), the only
        // fitting person in the document.
        let recent = self
            .before(p)
            .rev()
            .find(|o| self.clusters.get(o.1).is_some_and(|c| fits(c, o.1)))
            .map(|o| o.1);
        if recent.is_some() {
            return recent;
        }
        if owner.is_some() {
            let all: Vec<usize> = (0..self.clusters.len())
                .filter(|&ci| self.clusters.get(ci).is_some_and(|c| fits(c, ci)))
                .collect();
            if all.len() == 1 {
                return all.first().copied();
            }
        }
        None
    }

    /// The place cluster with a name mention starting (`at_start`) or ending at the word
    /// `word` ("Sorel" in "the capital, Sorel").
    fn place_named(&self, word: Span, at_start: bool) -> Option<usize> {
        self.clusters.iter().position(|c| {
            c.kind == EntityType::Place
                && c.mentions.iter().any(|m| {
                    m.kind == MentionKind::Name
                        && if at_start {
                            m.span.start() == word.start()
                        } else {
                            m.span.end() == word.end()
                        }
                })
        })
    }

    /// Organisation and place nominals: "the state broadcaster", "the ministry", "the
    /// capital", "the Central Asian country", "the city".
    fn other_nominal(&mut self, si: usize, wi: usize) -> Option<(usize, Span, usize)> {
        let seg = self.segs.get(si)?;
        let w = &seg.words;
        let x = w.get(wi)?;
        let p = x.span.start();
        let poss_owner = x.poss && x.cap;
        if !(x.is("the") || poss_owner) {
            return None;
        }
        // Modifiers up to the head noun.
        let mut i = wi + 1;
        let mut mods: Vec<String> = Vec::new();
        let mut country_of_mod: Option<String> = None;
        let mut country_owner = false;
        while let Some(y) = w.get(i) {
            if i - wi > 6 {
                return None;
            }
            if y.is_punct(",") {
                i += 1;
                continue;
            }
            if !y.is_word {
                break;
            }
            let l = y.lower.as_str();
            let is_head = lexicon::is("country_noun", l)
                || matches!(
                    l,
                    "capital" | "city" | "town" | "village" | "region" | "province"
                )
                || lexicon::is("media_nominal", l)
                || lexicon::is("org_nominal", l);
            let poss_before_capital = y.poss && w.get(i + 1).is_some_and(|z| z.is("capital"));
            if is_head
                && !poss_before_capital
                && !(l == "state" && w.get(i + 1).is_some_and(|z| z.is_word && !z.cap))
            {
                break;
            }
            if y.poss && matches!(l, "country" | "nation") {
                country_owner = true;
            } else if let Some(cc) = DEMONYM.get(y.text) {
                country_of_mod = Some((*cc).to_string());
            } else if !(lexicon::is("role_modifier", l)
                || lexicon::is("nominal_modifier", l)
                || DESCRIPTOR
                    .keys()
                    .any(|k| k.split_whitespace().any(|p| p == l)))
            {
                return None;
            }
            mods.push(l.to_string());
            i += 1;
        }
        let head = w.get(i)?;
        let hl = head.lower.as_str();
        let next = w.get(i + 1);
        let mut span = Span::new(x.span.start(), head.span.end());
        if poss_owner {
            span = Span::new(head.span.start(), head.span.end());
        }
        let modtext = mods.join(" ");
        // A name right after the noun ("the town of Taldykorgan", "the capital, Nursultan")
        // is the thing itself, mentioned by name.
        let appositive_name =
            next.is_some_and(|z| z.is("of")) && w.get(i + 2).is_some_and(|z| z.cap);
        // "the capital, Sorel" / "Dunmere, the provincial capital,": the capital named
        // beside it in apposition, when that name is a place of the document.
        if hl == "capital" && !poss_owner {
            let after = next
                .filter(|z| z.is_punct(","))
                .and_then(|_| w.get(i + 2))
                .filter(|z| z.cap)
                .and_then(|z| self.place_named(z.span, true));
            let before = wi
                .checked_sub(1)
                .and_then(|k| w.get(k))
                .filter(|z| z.is_punct(","))
                .and_then(|_| wi.checked_sub(2))
                .and_then(|k| w.get(k))
                .filter(|z| z.cap)
                .and_then(|z| self.place_named(z.span, false));
            if let Some(ci) = after.or(before) {
                return Some((ci, span, i + 1));
            }
        }
        // Capital.
        if hl == "capital" {
            let mut end = i + 1;
            if next.is_some_and(|z| z.is("city")) {
                span = Span::new(span.start(), next.map_or(span.end(), |z| z.span.end()));
                end += 1;
            }
            // Whose capital: "Kazakhstan's capital", "the capital of Kazakhstan", else (bare
            // or "the country's capital") the document's main country.
            let mut cc: Option<String> = None;
            if poss_owner {
                cc = GAZ
                    .best(x.text, &self.ctx(), false)
                    .and_then(|k| GAZ.place(k))
                    .map(|pl| pl.country.to_string());
            } else if appositive_name {
                if let Some(z) = w.get(i + 2) {
                    cc = GAZ
                        .best(z.text, &self.ctx(), false)
                        .and_then(|k| GAZ.place(k))
                        .map(|pl| pl.country.to_string());
                }
            } else if let Some(d) = country_of_mod.clone() {
                cc = Some(d);
            } else if mods.is_empty() || country_owner && mods.len() == 1 {
                cc = self
                    .salient_country(p, None)
                    .and_then(|ci| self.clusters.get(ci))
                    .and_then(|c| c.country.clone());
            }
            let cc = cc?;
            let cap_id = GAZ
                .country(&cc)
                .and_then(|k| GAZ.place(k))
                .and_then(|pl| pl.capital)?;
            let idx = GAZ.by_geonames_id(cap_id)?;
            let ci = self.place_cluster(idx)?;
            return Some((ci, span, end));
        }
        if appositive_name {
            return None;
        }
        // Countries by descriptor.
        if lexicon::is("country_noun", hl) {
            let hay = phrase_hay(&modtext);
            let descr: Vec<&str> = DESCRIPTOR
                .iter()
                .filter(|(k, _)| hay.has(k))
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
            let bare = mods.iter().all(|m| m.is_empty());
            if matches!(hl, "state" | "republic" | "kingdom") && descr.is_empty() {
                return None;
            }
            if !bare && descr.is_empty() && !mods.iter().all(|m| lexicon::is("role_modifier", m)) {
                return None;
            }
            // A country fits when every descriptor used names it (or its continent).
            let sets: Vec<&Vec<&str>> = DESCRIPTOR
                .iter()
                .filter(|(k, _)| hay.has(k))
                .map(|(_, v)| v)
                .collect();
            let fits = |cc: &str| {
                let cont = continent_of(cc)
                    .map(|k| format!("@{k}"))
                    .unwrap_or_default();
                sets.iter()
                    .all(|s| s.iter().any(|x| *x == cc || *x == cont))
            };
            let ci = self.salient_country(p, Some(&fits))?;
            return Some((ci, span, i + 1));
        }
        // Cities and regions.
        if matches!(hl, "city" | "town" | "village") && mods.is_empty() {
            let ci = self.recent(p, 3, si, |c| {
                c.kind == EntityType::Place && c.subtype == Some("city")
            })?;
            return Some((ci, span, i + 1));
        }
        if matches!(hl, "region" | "province") && mods.is_empty() {
            let ci = self.recent(p, 3, si, |c| {
                c.kind == EntityType::Place && c.subtype == Some("region")
            })?;
            return Some((ci, span, i + 1));
        }
        // News organisations.
        let two = next.map(|z| format!("{hl} {}", z.lower));
        let (media_pref, end) = if let Some(v) = two
            .as_deref()
            .and_then(|t| lexicon::value("media_nominal", t))
        {
            (Some(v), i + 2)
        } else {
            (lexicon::value("media_nominal", hl), i + 1)
        };
        if let Some(pref) = media_pref {
            if poss_owner {
                return None;
            }
            let state = mods.iter().any(|m| m.starts_with("state"));
            let span = match w.get(end - 1) {
                Some(z) => Span::new(span.start(), z.span.end()),
                None => span,
            };
            let want_cc = country_of_mod.clone();
            let ci = self.recent(p, 8, si, |c| {
                c.kind == EntityType::Org
                    && c.subtype == Some("media")
                    && (pref == "any" || c.media_kind == pref || c.media_kind.is_empty())
                    && (!state || c.state_media)
                    && want_cc
                        .as_deref()
                        .is_none_or(|cc| c.country.as_deref().is_none_or(|x| x == cc))
            })?;
            return Some((ci, span, end));
        }
        if let Some(sub) = lexicon::value("org_nominal", hl) {
            if poss_owner || !mods.is_empty() {
                return None;
            }
            let by_name = self.recent(p, 6, si, |c| {
                c.kind == EntityType::Org
                    && c.name.to_lowercase().split_whitespace().any(|t| t == hl)
            });
            let ci = match by_name {
                Some(ci) => ci,
                None if sub != "government" => self.recent(p, 6, si, |c| {
                    c.kind == EntityType::Org && c.subtype == Some(sub)
                })?,
                None => return None,
            };
            return Some((ci, span, i + 1));
        }
        None
    }

    fn entities(self) -> Vec<Entity> {
        // Mentions may not overlap: names first, then role nouns/descriptors, then pronouns;
        // longer before shorter.
        let mut all: Vec<(usize, M)> = Vec::new();
        for (ci, c) in self.clusters.iter().enumerate() {
            for m in &c.mentions {
                all.push((ci, m.clone()));
            }
        }
        let prio = |k: MentionKind| match k {
            MentionKind::Name => 0,
            MentionKind::Nominal => 1,
            MentionKind::Pronoun => 2,
        };
        all.sort_by(|a, b| {
            prio(a.1.kind)
                .cmp(&prio(b.1.kind))
                .then(b.1.span.len().cmp(&a.1.span.len()))
                .then(a.1.span.start().cmp(&b.1.span.start()))
        });
        let mut taken: Vec<Span> = Vec::new();
        let mut per: Vec<Vec<M>> = vec![Vec::new(); self.clusters.len()];
        for (ci, m) in all {
            if m.span.is_empty() || taken.iter().any(|t| t.overlaps(m.span)) {
                continue;
            }
            taken.push(m.span);
            if let Some(v) = per.get_mut(ci) {
                v.push(m);
            }
        }
        let mut out: Vec<(usize, Entity)> = Vec::new();
        for (ci, c) in self.clusters.into_iter().enumerate() {
            let mut ms = per.get_mut(ci).map(std::mem::take).unwrap_or_default();
            if ms.is_empty() || !ms.iter().any(|m| m.kind != MentionKind::Pronoun) {
                continue;
            }
            ms.sort_by_key(|m| m.span.start());
            let first = ms.first().map_or(0, |m| m.span.start());
            let mut aliases: Vec<String> = Vec::new();
            let push_alias = |a: &str, aliases: &mut Vec<String>| {
                let a = a.trim();
                if !a.is_empty()
                    && a != c.name
                    && !aliases.iter().any(|x| x.to_lowercase() == a.to_lowercase())
                {
                    aliases.push(a.to_string());
                }
            };
            for m in &ms {
                if m.kind != MentionKind::Pronoun {
                    push_alias(&m.text, &mut aliases);
                }
            }
            let mut roles: Vec<String> = Vec::new();
            for r in &c.roles {
                if r.class == "honorific" {
                    continue;
                }
                if !roles.contains(&r.text) {
                    roles.push(r.text.clone());
                }
                if r.class != "other" && r.text.split_whitespace().count() >= 2 {
                    push_alias(&r.text, &mut aliases);
                }
            }
            let geo = match (c.kind, c.place) {
                (EntityType::Place, Some(idx)) => geo_of(idx),
                (EntityType::Place, None) => c.country.clone().map(|cc| Geo {
                    geonames_id: None,
                    lat: None,
                    lon: None,
                    country: Some(cc),
                }),
                _ => None,
            };
            out.push((
                first,
                Entity {
                    id: String::new(),
                    kind: c.kind,
                    subtype: c.subtype.map(str::to_string),
                    name: c.name,
                    aliases,
                    mentions: ms
                        .into_iter()
                        .map(|m| Mention {
                            span: m.span,
                            kind: m.kind,
                        })
                        .collect(),
                    roles,
                    geo,
                },
            ));
        }
        out.sort_by_key(|(f, _)| *f);
        out.into_iter()
            .enumerate()
            .map(|(i, (_, mut e))| {
                e.id = format!("e{}", i + 1);
                e
            })
            .collect()
    }
}

pub struct RoleNominal {
    span: Span,
    noun_span: Span,
    end_word: usize,
    noun: &'static str,
    #[allow(dead_code)]
    leader: bool,
    former: bool,
    country: Option<String>,
    owner: Option<Span>,
    owner_cluster: Option<usize>,
    key: String,
}

/// A text prepared for [`PhraseHay::has`]: commas as spaces, whitespace runs as one space,
/// a space at each end. Prepared once for all the phrases asked about.
struct PhraseHay(String);

fn phrase_hay(hay: &str) -> PhraseHay {
    let hay = format!(" {} ", hay.replace(',', " "));
    let hay: String = hay.split_whitespace().collect::<Vec<_>>().join(" ");
    PhraseHay(format!(" {hay} "))
}

impl PhraseHay {
    /// The text holds `needle` as whole words.
    fn has(&self, needle: &str) -> bool {
        self.0.contains(&format!(" {needle} "))
    }
}

/// GeoNames continent code of a country (kept in the gazetteer's admin1 column).
fn continent_of(cc: &str) -> Option<&'static str> {
    GAZ.country(cc).and_then(|k| GAZ.place(k)).map(|p| p.admin1)
}

/// Text length (bytes) above which demonym look-ups go through [`reversed_words`] rather
/// than scanning the text once per look-up.
const INDEX_DEMONYMS_ABOVE: usize = 16_384;

/// Distinct maximal runs of alphanumeric characters of `text`, sorted by their reversed
/// characters (the order of the reversed strings, without building them): the words that
/// end with a suffix sit together where the reversed suffix would be.
fn reversed_words(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    v.sort_unstable_by(|a, b| a.chars().rev().cmp(b.chars().rev()));
    v.dedup();
    v
}

/// True when a proper prefix of `s` is also its suffix (occurrences can overlap).
/// Does `name` followed by one of the suffixes occur in `text` with no letter or digit
/// after it? The same answer as one `match_indices(name+suffix)` scan per suffix (leftmost
/// matches, each starting after the previous one; `scan` holds each suffix with 0), from
/// one pass over every occurrence of the name, overlapping ones too.
fn name_then_suffix_ends_word(text: &str, name: &str, scan: &mut [(&str, usize)]) -> bool {
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|r| r.find(name)) {
        let i = from + k;
        let rest = text.get(i + name.len()..).unwrap_or("");
        for (suf, next) in scan.iter_mut() {
            if i < *next || !rest.starts_with(*suf) {
                continue;
            }
            *next = i + name.len() + suf.len();
            let after = rest.get(suf.len()..).and_then(|r| r.chars().next());
            if !after.is_some_and(char::is_alphanumeric) {
                return true;
            }
        }
        // The next occurrence may overlap this one: go on from the next character.
        match text.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => from = i + c.len_utf8(),
            None => break,
        }
    }
    false
}

fn has_border(s: &str) -> bool {
    s.char_indices()
        .skip(1)
        .any(|(i, _)| s.get(i..).is_some_and(|suffix| s.starts_with(suffix)))
}

/// Resolve every mention of one document.
pub fn resolve(
    doc: &Document,
    segs: &[Seg<'_>],
    cands: &[NameCand],
    support: &HashSet<&str>,
) -> Vec<Entity> {
    let mut st = State {
        doc,
        segs,
        clusters: Vec::new(),
        keys: HashMap::default(),
        order: Vec::new(),
        owner_of: HashMap::default(),
        memo: HashMap::default(),
        context: Vec::new(),
    };
    st.assign_names(cands, support);
    let mut name_spans: Vec<Span> = cands.iter().map(|c| c.span).collect();
    name_spans.sort();
    let mut role_spans: Vec<Span> = cands
        .iter()
        .flat_map(|c| c.roles.iter().map(|r| r.span))
        .collect();
    role_spans.sort();
    st.walk(&name_spans, &role_spans);
    st.entities()
}

#[cfg(test)]
mod demonym_index_tests {
    use super::*;

    #[test]
    fn word_end_index_agrees_with_a_scan() {
        let text = "The Velorian envoy met Kessani aides; Pratonese ships, anan-anan. Dorvi!";
        let idx = reversed_words(text);
        for d in [
            "Velorian",
            "lorian",
            "Kessani",
            "Pratonese",
            "Dorvi",
            "Dorv",
            "Velori",
            "anan",
        ] {
            let scan = text.match_indices(d).any(|(i, _)| {
                !text
                    .get(i + d.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
            });
            let i = idx.partition_point(|w| w.chars().rev().lt(d.chars().rev()));
            let fast = idx.get(i).is_some_and(|w| w.ends_with(d));
            assert_eq!(fast, scan, "{d}");
        }
        assert!(has_border("anan") && has_border("aa") && !has_border("Velorian"));
    }

    #[test]
    fn one_pass_over_the_name_agrees_with_a_scan_per_suffix() {
        let sufs = ["n", "an", "ian", "ese", "i"];
        let texts = [
            "The Velorian envoy met Kessani aides; Pratonese ships, anan-anan. Dorvi!",
            "ananan ana anana; Ana anan Ananian aaaa aa aai",
            "Brávi Brávian, Ørstadese Ørstad; 東京i 東京 e\u{301}i",
            "",
        ];
        let names = [
            "Velori", "Kessa", "Praton", "Dorv", "an", "ana", "a", "Ana", "Brávi", "Ørstad",
            "東京", "e\u{301}", "", "zzz",
        ];
        for text in texts {
            for name in names {
                for k in 0..sufs.len() {
                    let some = sufs.get(k..).unwrap_or(&[]);
                    let want = some.iter().any(|suf| {
                        let d = format!("{name}{suf}");
                        text.match_indices(d.as_str()).any(|(i, _)| {
                            !text
                                .get(i + d.len()..)
                                .and_then(|r| r.chars().next())
                                .is_some_and(char::is_alphanumeric)
                        })
                    });
                    let mut scan: Vec<(&str, usize)> = some.iter().map(|s| (*s, 0)).collect();
                    let got = name_then_suffix_ends_word(text, name, &mut scan);
                    assert_eq!(got, want, "{name:?} in {text:?} with {some:?}");
                }
            }
        }
    }
}
