import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * The solution catalogue at scale (100,000 solutions).
 *
 * 1. The facts its filters and facet counts need are copied onto each solution row, so one narrow
 *    index answers them without joins —
 *  - owner_country, owner_sme: the owning organisation's country and SME status;
 *  - owner_visibility, owner_lexemes: the profile's visibility, and the search lexemes of its identity
 *    (legal and short name, website, registration number — organisations.identity_lexemes, in every
 *    search language): a text query never matches a solution through the name of an owner the caller
 *    may not see, even when the solution's own text names it;
 *  - domain_ids, challenge_ids, tag_ids: the solution's links (solution_domains, _challenges, _tags).
 *    Triggers keep the copies in step with their sources whoever writes them (commands, seed, importer,
 *    plain SQL): a BEFORE trigger on solutions, an AFTER trigger on organisations, and statement-level
 *    triggers with transition tables on the link tables (one UPDATE per statement, so bulk writes stay fast).
 * 2. Facet counts of large sets are precomputed (catalogue_counts): per listing class ('public': the
 *    published public and anonymous solutions anyone sees; 'all': every published one, for programme
 *    members and staff), how many solutions have each facet value — overall (by_facet '') and among
 *    those with one given value of another facet (by_facet, by_value). That answers the catalogue's
 *    landing page and any single filter exactly, without reading 100,000 rows; two filters or a text
 *    query are counted live on the (smaller) matching set. Writers never update these counters: a
 *    statement-level trigger on solutions appends the statement's net changes to catalogue_count_deltas
 *    (no shared row is locked, so concurrent writers neither wait nor deadlock), readers add the pending
 *    deltas, and catalogue_counts_compact() folds them in (one compactor at a time).
 */
const links = [
  { table: 'solution_domains', column: 'domain_id', copy: 'domain_ids' },
  { table: 'solution_challenges', column: 'challenge_id', copy: 'challenge_ids' },
  { table: 'solution_tags', column: 'term_id', copy: 'tag_ids' },
] as const

function linkTriggers(l: (typeof links)[number]): string[] {
  // One function reads the NEW transition table, one the OLD; the update trigger fires both.
  // Rows whose copy already holds the right value are left alone (no new row version).
  const body = (rows: string) => `
    begin
      update solutions s set ${l.copy} = x.ids
        from (select c.solution_id,
                     coalesce((select array_agg(y.${l.column} order by y.${l.column})
                                 from ${l.table} y where y.solution_id = c.solution_id), '{}') as ids
                from (select distinct solution_id from ${rows}) c) x
       where s.id = x.solution_id and s.${l.copy} is distinct from x.ids;
      return null;
    end`
  return [
    `create function ${l.table}_sync_new() returns trigger language plpgsql as $$${body('changed_new')}$$`,
    `create function ${l.table}_sync_old() returns trigger language plpgsql as $$${body('changed_old')}$$`,
    `create trigger ${l.table}_sync_insert after insert on ${l.table}
       referencing new table as changed_new for each statement execute function ${l.table}_sync_new()`,
    `create trigger ${l.table}_sync_delete after delete on ${l.table}
       referencing old table as changed_old for each statement execute function ${l.table}_sync_old()`,
    `create trigger ${l.table}_sync_update_new after update on ${l.table}
       referencing new table as changed_new for each statement execute function ${l.table}_sync_new()`,
    `create trigger ${l.table}_sync_update_old after update on ${l.table}
       referencing old table as changed_old for each statement execute function ${l.table}_sync_old()`,
  ]
}

/** The facets a filter can be precomputed for (tags are selective filters: counted live). */
const byFacets = `('type', 'trl', 'country', 'sme', 'domain', 'challenge')`

/**
 * The (class, facet, value) items of the rows of a transition table, signed: +1 for new rows, -1 for
 * old ones. `rid` pairs the items of one row version.
 */
const items = (table: string, sign: number) => `
  select k.klass, i.facet, i.value, t.id as rid, ${sign} as d
    from ${table} t
    cross join lateral (select 'all'::text where t.status = 'published'
                        union all
                        select 'public' where t.status = 'published' and t.visibility in ('public', 'anonymous')) k(klass)
    cross join lateral (select 'total'::text, ''::text
                        union all select 'type', t.type
                        union all select 'trl', coalesce(t.assessed_trl::text, '')
                        union all select 'country', coalesce(t.owner_country::text, '')
                        union all select 'sme', coalesce(t.owner_sme, '')
                        union all select 'domain', x::text from unnest(t.domain_ids) x
                        union all select 'challenge', x::text from unnest(t.challenge_ids) x
                        union all select 'tag', x::text from unnest(t.tag_ids) x) i(facet, value)`

/** Net counts per (class, by_facet, by_value, facet, value) of some signed items. */
const netCounts = (itemsSql: string) => `
  with items as materialized (${itemsSql}),
  pairs as (
    select klass, ''::text as by_facet, ''::text as by_value, facet, value, d from items
    union all
    select b.klass, b.facet, b.value, i.facet, i.value, b.d
      from items b join items i on i.rid = b.rid and i.d = b.d and i.klass = b.klass
     where b.facet in ${byFacets} and i.facet <> b.facet
  )
  select klass, by_facet, by_value, facet, value, sum(d)::integer as n
    from pairs group by 1, 2, 3, 4, 5 having sum(d) <> 0`

const countTriggers = [
  { op: 'insert', refs: 'new table as changed_new', rows: items('changed_new', 1) },
  { op: 'delete', refs: 'old table as changed_old', rows: items('changed_old', -1) },
  {
    op: 'update',
    refs: 'old table as changed_old new table as changed_new',
    rows: `${items('changed_new', 1)} union all ${items('changed_old', -1)}`,
  },
].flatMap((t) => [
  `create function solutions_count_${t.op}() returns trigger language plpgsql as $$
  begin
    insert into catalogue_count_deltas (klass, by_facet, by_value, facet, value, n)
    ${netCounts(t.rows)};
    return null;
  end$$`,
  `create trigger solutions_count_${t.op} after ${t.op} on solutions
     referencing ${t.refs} for each statement execute function solutions_count_${t.op}()`,
])

// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table organisations add column identity_lexemes text[] not null default '{}'`,
    // The lexemes a text query would match the identity by, in every configuration the catalogue uses.
    `create function catalogue_identity_lexemes(legal text, short text, website text, registration text)
       returns text[] language sql stable as $$
      select coalesce(array_agg(distinct l), '{}')
        from unnest(array['english', 'french', 'dutch', 'german', 'spanish', 'italian', 'simple']) c,
             unnest(tsvector_to_array(to_tsvector(c::regconfig, concat_ws(' ', legal, short, registration,
               regexp_replace(coalesce(website, ''), '^[a-z]+://(www[.])?', ''))))) l
    $$`,
    `create function organisations_identity_lexemes() returns trigger language plpgsql as $$
    begin
      new.identity_lexemes := catalogue_identity_lexemes(new.legal_name, new.short_name, new.website,
        new.registration_number);
      return new;
    end$$`,
    `create trigger organisations_identity_lexemes
       before insert or update of legal_name, short_name, website, registration_number on organisations
       for each row execute function organisations_identity_lexemes()`,
    `update organisations set identity_lexemes = catalogue_identity_lexemes(legal_name, short_name, website,
       registration_number)`,

    `alter table solutions
      add column owner_country char(2),
      add column owner_sme text,
      add column owner_visibility text,
      add column owner_lexemes text[] not null default '{}',
      add column domain_ids uuid[] not null default '{}',
      add column challenge_ids uuid[] not null default '{}',
      add column tag_ids uuid[] not null default '{}'`,

    `create function solutions_owner_facts() returns trigger language plpgsql as $$
    begin
      select o.country, o.sme_status, o.visibility, o.identity_lexemes
        into new.owner_country, new.owner_sme, new.owner_visibility, new.owner_lexemes
        from organisations o where o.id = new.organisation_id;
      return new;
    end$$`,
    `create trigger solutions_owner_facts before insert or update of organisation_id on solutions
       for each row execute function solutions_owner_facts()`,
    `create function organisations_owner_facts() returns trigger language plpgsql as $$
    begin
      update solutions set owner_country = new.country, owner_sme = new.sme_status,
             owner_visibility = new.visibility, owner_lexemes = new.identity_lexemes
       where organisation_id = new.id;
      return null;
    end$$`,
    `create trigger organisations_owner_facts after update on organisations
       for each row when (old.country is distinct from new.country or old.sme_status is distinct from new.sme_status
         or old.visibility is distinct from new.visibility or old.identity_lexemes is distinct from new.identity_lexemes)
       execute function organisations_owner_facts()`,
    ...links.flatMap(linkTriggers),

    // Rows written before this migration.
    `update solutions s set owner_country = o.country, owner_sme = o.sme_status, owner_visibility = o.visibility,
       owner_lexemes = o.identity_lexemes
       from organisations o where o.id = s.organisation_id`,
    ...links.map(
      (l) => `update solutions s set ${l.copy} = coalesce(
        (select array_agg(x.${l.column} order by x.${l.column}) from ${l.table} x where x.solution_id = s.id), '{}')`,
    ),

    // Listing, counts and facets: an index-only scan of the rows a class of caller may see (status,
    // visibility) carries every facet key. It replaces the narrower index of 0013.
    'drop index if exists solutions_catalogue_idx',
    `create index solutions_listing_idx on solutions (status, visibility)
       include (type, assessed_trl, owner_country, owner_sme, organisation_id, created_at, domain_ids, challenge_ids, tag_ids)`,
    // Sorts: newest first, by name.
    'create index solutions_created_idx on solutions (created_at desc, id)',
    'create index solutions_name_idx on solutions (lower(name), id)',
    // Selective filters: one challenge, one tag.
    'create index solutions_challenge_ids_idx on solutions using gin (challenge_ids)',
    'create index solutions_tag_ids_idx on solutions using gin (tag_ids)',
    // Text search within what each class of caller may see (the catalogue's two listing classes): the
    // bitmap then holds only candidate rows, a third fewer heap pages to read for an anonymous caller.
    `create index solutions_search_public_idx on solutions using gin (search_vector)
       where status = 'published' and visibility in ('public', 'anonymous')`,
    `create index solutions_search_published_idx on solutions using gin (search_vector) where status = 'published'`,
    // TRL, most mature first.
    'create index solutions_trl_idx on solutions (assessed_trl desc nulls last, created_at desc, id)',

    // Precomputed facet counts (see above).
    `create table catalogue_counts (
      klass text not null check (klass in ('public', 'all')),
      by_facet text not null,
      by_value text not null,
      facet text not null,
      value text not null,
      n integer not null,
      primary key (klass, by_facet, by_value, facet, value)
    )`,
    `create table catalogue_count_deltas (
      id bigint generated always as identity primary key,
      klass text not null,
      by_facet text not null,
      by_value text not null,
      facet text not null,
      value text not null,
      n integer not null
    )`,
    'create index catalogue_count_deltas_idx on catalogue_count_deltas (klass, by_facet, by_value)',
    ...countTriggers,
    // Folds the pending deltas into the counts; returns how many counts it changed (0 when another
    // compaction holds the lock). Only this function writes catalogue_counts.
    `create function catalogue_counts_compact() returns integer language plpgsql as $$
    declare changed integer;
    begin
      if not pg_try_advisory_xact_lock(hashtext('catalogue_counts_compact')) then
        return 0;
      end if;
      with moved as (delete from catalogue_count_deltas returning klass, by_facet, by_value, facet, value, n),
      net as (select klass, by_facet, by_value, facet, value, sum(n)::integer as n from moved group by 1, 2, 3, 4, 5)
      insert into catalogue_counts (klass, by_facet, by_value, facet, value, n)
      select * from net where n <> 0 order by 1, 2, 3, 4, 5
      on conflict (klass, by_facet, by_value, facet, value) do update set n = catalogue_counts.n + excluded.n;
      get diagnostics changed = row_count;
      delete from catalogue_counts where n = 0;
      return changed;
    end$$`,
    // The solutions written before this migration.
    `insert into catalogue_counts (klass, by_facet, by_value, facet, value, n)
      ${netCounts(items('solutions', 1))}`,
  ])
}
