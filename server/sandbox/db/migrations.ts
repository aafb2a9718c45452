/**
 * Versioned schema migrations, applied in order inside one transaction each; `PRAGMA user_version` records
 * how many have run. Append new ones at the end; never edit one that has shipped.
 *
 * Conventions: times are INTEGER milliseconds since the epoch (UTC) on the sandbox clock; booleans are 0/1;
 * API field names are mapped to these columns by the routes' serializers.
 */
export const migrations: readonly string[] = [
  /* 1: the whole v1 model */ `
  CREATE TABLE accounts (
    account_id       INTEGER PRIMARY KEY,
    company_name     TEXT    NOT NULL,
    account_status   TEXT    NOT NULL DEFAULT 'Active',
    address          TEXT    NOT NULL DEFAULT '',
    city             TEXT    NOT NULL DEFAULT '',
    state            TEXT    NOT NULL DEFAULT '',
    zip              TEXT    NOT NULL DEFAULT '',
    phone            TEXT    NOT NULL DEFAULT '',
    call_balance     REAL    NOT NULL DEFAULT 0,
    can_create_users INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL
  );

  CREATE TABLE users (
    user_id               INTEGER PRIMARY KEY,
    account_id            INTEGER NOT NULL REFERENCES accounts(account_id),
    user_name             TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    pin_hash              TEXT    NOT NULL,
    first_name            TEXT    NOT NULL DEFAULT '',
    last_name             TEXT    NOT NULL DEFAULT '',
    email                 TEXT    NOT NULL DEFAULT '',
    phone                 TEXT    NOT NULL DEFAULT '',
    caller_id             TEXT    NOT NULL DEFAULT '',
    retries               INTEGER NOT NULL DEFAULT 1,
    max_message_length    INTEGER NOT NULL DEFAULT 120,
    call_throttle         INTEGER NOT NULL DEFAULT 0,
    continue_on_next_day  INTEGER NOT NULL DEFAULT 0,
    start_minute          INTEGER NOT NULL DEFAULT 420,
    stop_minute           INTEGER NOT NULL DEFAULT 1200,
    -- bit 0 = Sunday ... bit 6 = Saturday; 0 is stored as 127 (every day)
    calling_window_days   INTEGER NOT NULL DEFAULT 127,
    state                 TEXT    NOT NULL DEFAULT 'TX',
    is_master             INTEGER NOT NULL DEFAULT 0,
    can_see_all_broadcasts INTEGER NOT NULL DEFAULT 0,
    can_see_all_roster    INTEGER NOT NULL DEFAULT 0,
    can_see_all_audio     INTEGER NOT NULL DEFAULT 0,
    can_see_group_audio   INTEGER NOT NULL DEFAULT 0,
    created_at            INTEGER NOT NULL
  );
  CREATE INDEX users_account ON users(account_id);

  CREATE TABLE auth_tokens (
    token      TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE contacts (
    person_id          INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts(account_id),
    owner_user_id      INTEGER NOT NULL REFERENCES users(user_id),
    first_name         TEXT    NOT NULL DEFAULT '',
    last_name          TEXT    NOT NULL DEFAULT '',
    primary_phone      TEXT    NOT NULL,
    secondary_phone    TEXT    NOT NULL DEFAULT '',
    tertiary_phone     TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    integration_data   TEXT    NOT NULL DEFAULT '',
    dnc_primary        INTEGER NOT NULL DEFAULT 0,
    dnc_secondary      INTEGER NOT NULL DEFAULT 0,
    dnc_tertiary       INTEGER NOT NULL DEFAULT 0,
    optin_primary      TEXT    NOT NULL DEFAULT 'Unknown',
    optin_secondary    TEXT    NOT NULL DEFAULT 'Unknown',
    optin_tertiary     TEXT    NOT NULL DEFAULT 'Unknown',
    -- in the Deleted folder (ListID -2) when set
    deleted_at         INTEGER,
    created_at         INTEGER NOT NULL,
    last_updated       INTEGER NOT NULL
  );
  CREATE INDEX contacts_account ON contacts(account_id, deleted_at, person_id);
  CREATE INDEX contacts_primary_phone ON contacts(account_id, primary_phone);
  CREATE INDEX contacts_owner ON contacts(owner_user_id, deleted_at, person_id);

  CREATE TABLE lists (
    list_id            INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts(account_id),
    owner_user_id      INTEGER NOT NULL REFERENCES users(user_id),
    list_name          TEXT    NOT NULL,
    list_description   TEXT    NOT NULL DEFAULT '',
    sms_name           TEXT    NOT NULL DEFAULT '',
    is_auto_reply_on   INTEGER NOT NULL DEFAULT 0,
    auto_reply_message TEXT    NOT NULL DEFAULT '',
    created_at         INTEGER NOT NULL,
    last_updated       INTEGER NOT NULL
  );
  CREATE INDEX lists_account ON lists(account_id);

  CREATE TABLE list_members (
    list_id   INTEGER NOT NULL REFERENCES lists(list_id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES contacts(person_id) ON DELETE CASCADE,
    added_at  INTEGER NOT NULL,
    PRIMARY KEY (list_id, person_id)
  ) WITHOUT ROWID;
  CREATE INDEX list_members_person ON list_members(person_id);

  CREATE TABLE opt_outs (
    account_id    INTEGER NOT NULL REFERENCES accounts(account_id),
    phone_number  TEXT    NOT NULL,
    do_not_call   INTEGER NOT NULL DEFAULT 0,
    do_not_text   INTEGER NOT NULL DEFAULT 0,
    global_opt_out INTEGER NOT NULL DEFAULT 0,
    notes         TEXT    NOT NULL DEFAULT '',
    -- Manual, Keypress, TextReply, Import
    source        TEXT    NOT NULL DEFAULT 'Manual',
    created_by_user_id INTEGER REFERENCES users(user_id),
    opt_out_date  INTEGER NOT NULL,
    PRIMARY KEY (account_id, phone_number)
  ) WITHOUT ROWID;
  CREATE INDEX opt_outs_date ON opt_outs(account_id, opt_out_date);

  -- every opt-out and opt-in by channel, for a number's history
  CREATE TABLE opt_out_events (
    event_id      INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL,
    phone_number  TEXT    NOT NULL,
    -- OptOut or OptIn
    action        TEXT    NOT NULL,
    do_not_call   INTEGER NOT NULL,
    do_not_text   INTEGER NOT NULL,
    source        TEXT    NOT NULL,
    notes         TEXT    NOT NULL DEFAULT '',
    user_id       INTEGER,
    broadcast_id  INTEGER,
    created_at    INTEGER NOT NULL
  );
  CREATE INDEX opt_out_events_phone ON opt_out_events(account_id, phone_number, created_at);

  CREATE TABLE text_numbers (
    text_number_id    INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(account_id),
    text_phone_number TEXT    NOT NULL,
    name              TEXT    NOT NULL DEFAULT '',
    description       TEXT    NOT NULL DEFAULT '',
    is_default        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, text_phone_number)
  );

  CREATE TABLE audio (
    audio_id      TEXT    PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(account_id),
    owner_user_id INTEGER NOT NULL REFERENCES users(user_id),
    name          TEXT    NOT NULL,
    description   TEXT    NOT NULL DEFAULT '',
    favorite      INTEGER NOT NULL DEFAULT 0,
    shared        INTEGER NOT NULL DEFAULT 0,
    length_seconds INTEGER,
    message_type  TEXT    NOT NULL DEFAULT 'NeverUsed',
    read_only     INTEGER NOT NULL DEFAULT 0,
    text_to_speech INTEGER NOT NULL DEFAULT 0,
    tts_text      TEXT    NOT NULL DEFAULT '',
    voice         TEXT    NOT NULL DEFAULT '',
    content_type  TEXT,
    file_name     TEXT,
    data          BLOB,
    deleted_at    INTEGER,
    created_at    INTEGER NOT NULL,
    last_used     INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX audio_account ON audio(account_id, deleted_at);

  CREATE TABLE file_uploads (
    file_id       TEXT    PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(account_id),
    user_id       INTEGER NOT NULL REFERENCES users(user_id),
    file_name     TEXT    NOT NULL DEFAULT '',
    row_count     INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE file_upload_rows (
    file_id          TEXT    NOT NULL REFERENCES file_uploads(file_id) ON DELETE CASCADE,
    row_number       INTEGER NOT NULL,
    first_name       TEXT    NOT NULL DEFAULT '',
    last_name        TEXT    NOT NULL DEFAULT '',
    primary_phone    TEXT    NOT NULL DEFAULT '',
    secondary_phone  TEXT    NOT NULL DEFAULT '',
    tertiary_phone   TEXT    NOT NULL DEFAULT '',
    notes            TEXT    NOT NULL DEFAULT '',
    integration_data TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (file_id, row_number)
  ) WITHOUT ROWID;

  CREATE TABLE broadcasts (
    broadcast_id          INTEGER PRIMARY KEY,
    account_id            INTEGER NOT NULL REFERENCES accounts(account_id),
    user_id               INTEGER NOT NULL REFERENCES users(user_id),
    broadcast_name        TEXT    NOT NULL,
    -- the requested type; each row is one channel ('Call' or 'Text'), combos have two linked rows
    broadcast_type        TEXT    NOT NULL,
    channel               TEXT    NOT NULL,
    broadcast_status      TEXT    NOT NULL,
    call_broadcast_id     INTEGER,
    text_broadcast_id     INTEGER,
    created_at            INTEGER NOT NULL,
    start_at              INTEGER NOT NULL,
    completed_at          INTEGER,
    caller_id             TEXT    NOT NULL DEFAULT '',
    audio_id              TEXT,
    audio_vm_id           TEXT,
    retry_times           INTEGER NOT NULL DEFAULT 1,
    call_throttle         INTEGER NOT NULL DEFAULT 0,
    max_message_length    INTEGER NOT NULL DEFAULT 120,
    check_calling_window  INTEGER NOT NULL DEFAULT 1,
    continue_on_next_day  INTEGER NOT NULL DEFAULT 0,
    start_minute          INTEGER NOT NULL DEFAULT 420,
    stop_minute           INTEGER NOT NULL DEFAULT 1200,
    calling_window_days   INTEGER NOT NULL DEFAULT 127,
    time_zone             TEXT    NOT NULL DEFAULT 'America/Chicago',
    text_message          TEXT    NOT NULL DEFAULT '',
    text_number_id        INTEGER,
    has_custom_field      INTEGER NOT NULL DEFAULT 0,
    -- JSON: survey and transfer-and-connect settings as requested
    survey_json           TEXT,
    transfer_json         TEXT,
    credits_used          REAL    NOT NULL DEFAULT 0,
    max_credit_cost       REAL    NOT NULL DEFAULT 0,
    phone_number_count    INTEGER NOT NULL DEFAULT 0,
    estimated_minutes     INTEGER NOT NULL DEFAULT 0,
    estimated_completion  INTEGER,
    not_enough_time       INTEGER NOT NULL DEFAULT 0,
    calling_window_ignored INTEGER NOT NULL DEFAULT 0,
    excluded_days_ignored INTEGER NOT NULL DEFAULT 0,
    idempotency_key       TEXT,
    parent_broadcast_id   INTEGER,
    paused_at             INTEGER,
    deleted_at            INTEGER,
    -- how far (sandbox time) the simulator has played this broadcast
    sim_cursor            INTEGER,
    -- the message seconds a connected call plays (audio length, at most max_message_length)
    message_seconds       INTEGER NOT NULL DEFAULT 0,
    text_segments         INTEGER NOT NULL DEFAULT 0,
    -- running totals, kept by the simulator so reads never aggregate the recipients
    total_completed        INTEGER NOT NULL DEFAULT 0,
    live_person_total      INTEGER NOT NULL DEFAULT 0,
    answering_machine_total INTEGER NOT NULL DEFAULT 0,
    busy_no_answer_total   INTEGER NOT NULL DEFAULT 0,
    invalid_number_total   INTEGER NOT NULL DEFAULT 0,
    survey_response_total  INTEGER NOT NULL DEFAULT 0,
    transfer_total         INTEGER NOT NULL DEFAULT 0,
    -- JSON object: key pressed -> count
    survey_responses_json  TEXT,
    delivered_texts        INTEGER NOT NULL DEFAULT 0,
    not_delivered_texts    INTEGER NOT NULL DEFAULT 0,
    invalid_text_count     INTEGER NOT NULL DEFAULT 0,
    text_replies           INTEGER NOT NULL DEFAULT 0,
    text_opted_out         INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX broadcasts_account ON broadcasts(account_id, deleted_at, broadcast_id);
  CREATE INDEX broadcasts_user ON broadcasts(user_id, deleted_at, broadcast_id);
  CREATE INDEX broadcasts_status ON broadcasts(broadcast_status);

  -- one row per phone number of a broadcast (the details feed)
  CREATE TABLE broadcast_recipients (
    broadcast_id       INTEGER NOT NULL REFERENCES broadcasts(broadcast_id) ON DELETE CASCADE,
    seq                INTEGER NOT NULL,
    phone_number       TEXT    NOT NULL,
    person_id          INTEGER,
    first_name         TEXT    NOT NULL DEFAULT '',
    last_name          TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    integration_data   TEXT    NOT NULL DEFAULT '',
    -- docs/decisions/0011-broadcast-results.md: Pending, In Progress, Retry Pending, Completed, Canceled, Expired
    status             TEXT    NOT NULL DEFAULT 'Pending',
    -- the final (or, while retrying, the latest) result; null before the first attempt
    result_category    TEXT,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    INTEGER,
    last_attempt_at    INTEGER,
    survey_result      TEXT,
    is_transfer_initiated INTEGER NOT NULL DEFAULT 0,
    transfer_duration  INTEGER NOT NULL DEFAULT 0,
    transfer_credits   REAL    NOT NULL DEFAULT 0,
    credits            REAL    NOT NULL DEFAULT 0,
    message_text       TEXT,
    PRIMARY KEY (broadcast_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX broadcast_recipients_phone ON broadcast_recipients(broadcast_id, phone_number);
  CREATE INDEX broadcast_recipients_state ON broadcast_recipients(broadcast_id, status, seq);

  CREATE TABLE conversations (
    conversation_id   INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(account_id),
    text_number_id    INTEGER NOT NULL REFERENCES text_numbers(text_number_id),
    phone_number      TEXT    NOT NULL,
    user_id           INTEGER REFERENCES users(user_id),
    broadcast_id      INTEGER,
    is_done           INTEGER NOT NULL DEFAULT 0,
    is_auto_opt_out   INTEGER NOT NULL DEFAULT 0,
    unread_count      INTEGER NOT NULL DEFAULT 0,
    last_message_id   INTEGER,
    last_message_at   INTEGER,
    created_at        INTEGER NOT NULL,
    UNIQUE (text_number_id, phone_number)
  );
  CREATE INDEX conversations_account ON conversations(account_id, is_done, last_message_at);

  CREATE TABLE text_messages (
    message_id       INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversations(conversation_id) ON DELETE CASCADE,
    -- Inbound or Outbound
    direction        TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    -- Queued, Sent, Delivered, Failed, Received
    status           TEXT    NOT NULL,
    user_id          INTEGER,
    broadcast_id     INTEGER,
    created_at       INTEGER NOT NULL
  );
  CREATE INDEX text_messages_conversation ON text_messages(conversation_id, message_id);

  CREATE TABLE draft_broadcasts (
    draft_broadcast_id INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL,
    user_id            INTEGER NOT NULL,
    body_json          TEXT    NOT NULL,
    created_at         INTEGER NOT NULL
  );

  -- simulated inbound replies and other timed events, due on the sandbox clock
  CREATE TABLE scheduled_events (
    event_id     INTEGER PRIMARY KEY,
    due_at       INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    payload_json TEXT    NOT NULL
  );
  CREATE INDEX scheduled_events_due ON scheduled_events(due_at);

  CREATE TABLE credit_ledger (
    entry_id     INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL,
    broadcast_id INTEGER,
    -- Call, Text, Transfer, Purchase
    kind         TEXT    NOT NULL,
    credits      REAL    NOT NULL,
    created_at   INTEGER NOT NULL
  );
  CREATE INDEX credit_ledger_account ON credit_ledger(account_id, created_at);

  CREATE TABLE sandbox_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  /* 2: uploaded rows keep why they cannot be used (docs/decisions/0017-file-uploads.md) */ `
  -- NULL: the row's fields are normalised and usable. Otherwise InvalidPhone, DuplicateInFile or TooLong, and the
  -- fields hold what the file said (trimmed), for the import's rejects.
  ALTER TABLE file_upload_rows ADD COLUMN problem TEXT;
  ALTER TABLE file_upload_rows ADD COLUMN problem_detail TEXT NOT NULL DEFAULT '';
  `,
  /* 3: look phone numbers up: a number's contact by any of its phones, its results across broadcasts */ `
  CREATE INDEX IF NOT EXISTS contacts_secondary_phone ON contacts(account_id, secondary_phone);
  CREATE INDEX IF NOT EXISTS contacts_tertiary_phone ON contacts(account_id, tertiary_phone);
  -- a number's results across broadcasts (its history page)
  CREATE INDEX IF NOT EXISTS broadcast_recipients_by_phone ON broadcast_recipients(phone_number);
  `,
  /* 4: contacts at scale: sort indexes, a trigram search index and maintained counts (docs/decisions/0060-…) */ `
  -- The contacts page's default order (latest change first) and its name sort, read straight off an index.
  CREATE INDEX contacts_last_updated ON contacts(account_id, deleted_at, last_updated);
  CREATE INDEX contacts_last_name ON contacts(account_id, deleted_at, last_name COLLATE NOCASE);

  -- Substring search of names and numbers (decision 0015) through trigrams instead of scanning every row. The
  -- contacts table holds the text; this index is kept in step by the triggers below.
  CREATE VIRTUAL TABLE contacts_search USING fts5(
    first_name, last_name, primary_phone, secondary_phone, tertiary_phone,
    content = 'contacts', content_rowid = 'person_id', tokenize = 'trigram', columnsize = 0
  );
  INSERT INTO contacts_search (contacts_search) VALUES ('rebuild');
  -- An import indexes its new contacts a batch at a time, many times cheaper than row by row: while it inserts a batch,
  -- inside that batch's transaction, this key is set and the insert trigger stands aside (until migration 5).
  CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts
  WHEN NOT EXISTS (SELECT 1 FROM sandbox_state WHERE key = 'contacts_search_deferred')
  BEGIN
    INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES (new.person_id, new.first_name, new.last_name, new.primary_phone, new.secondary_phone, new.tertiary_phone);
  END;
  CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES ('delete', old.person_id, old.first_name, old.last_name, old.primary_phone, old.secondary_phone, old.tertiary_phone);
  END;
  CREATE TRIGGER contacts_search_update AFTER UPDATE OF first_name, last_name, primary_phone, secondary_phone, tertiary_phone
  ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES ('delete', old.person_id, old.first_name, old.last_name, old.primary_phone, old.secondary_phone, old.tertiary_phone);
    INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES (new.person_id, new.first_name, new.last_name, new.primary_phone, new.secondary_phone, new.tertiary_phone);
  END;

  -- How many contacts each owner has, active and in the Deleted folder: an unfiltered feed's Size without counting.
  CREATE TABLE contact_counts (
    account_id    INTEGER NOT NULL,
    owner_user_id INTEGER NOT NULL,
    deleted       INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (account_id, owner_user_id, deleted)
  ) WITHOUT ROWID;
  INSERT INTO contact_counts (account_id, owner_user_id, deleted, n)
    SELECT account_id, owner_user_id, deleted_at IS NOT NULL, COUNT(*) FROM contacts GROUP BY 1, 2, 3;
  CREATE TRIGGER contact_counts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_counts (account_id, owner_user_id, deleted, n)
    VALUES (new.account_id, new.owner_user_id, new.deleted_at IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER contact_counts_delete AFTER DELETE ON contacts BEGIN
    UPDATE contact_counts SET n = n - 1
    WHERE account_id = old.account_id AND owner_user_id = old.owner_user_id AND deleted = (old.deleted_at IS NOT NULL);
  END;
  CREATE TRIGGER contact_counts_update AFTER UPDATE OF account_id, owner_user_id, deleted_at ON contacts
  WHEN old.account_id IS NOT new.account_id OR old.owner_user_id IS NOT new.owner_user_id
    OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
  BEGIN
    UPDATE contact_counts SET n = n - 1
    WHERE account_id = old.account_id AND owner_user_id = old.owner_user_id AND deleted = (old.deleted_at IS NOT NULL);
    INSERT INTO contact_counts (account_id, owner_user_id, deleted, n)
    VALUES (new.account_id, new.owner_user_id, new.deleted_at IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  `,
  /* 5: an import stands the contacts' insert triggers aside for each batch and indexes and counts it at once */ `
  DELETE FROM sandbox_state WHERE key = 'contacts_search_deferred';
  DROP TRIGGER contacts_search_insert;
  CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES (new.person_id, new.first_name, new.last_name, new.primary_phone, new.secondary_phone, new.tertiary_phone);
  END;
  `,
  /* 6: the search index merges its segments less eagerly */ `
  -- An import adds a segment to the search index each time it commits. Merging only once 16 segments (not 4) have
  -- piled up made a million-row import 1.1 to 1.7 s faster; a search then costs under a millisecond more.
  INSERT INTO contacts_search (contacts_search, rank) VALUES ('automerge', 16);
  `,
  /* 7: IDs are never handed out again (docs/decisions/0082-ids-never-reused.md); voice messages recorded by phone */ `
  -- Contacts and lists are the kinds whose rows are deleted for good; the rest are only marked deleted, so their
  -- largest ID stays in the table. AUTOINCREMENT keeps the highest ID ever given in sqlite_sequence. Both tables are
  -- built again with the same rows. Foreign keys are on inside a migration, so dropping the old tables takes their
  -- list memberships with them: those are kept aside and put back. A drop fires no trigger, so the search index and
  -- the counts are untouched.
  CREATE TEMP TABLE list_members_kept AS SELECT * FROM list_members;

  CREATE TABLE lists_7 (
    list_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id         INTEGER NOT NULL REFERENCES accounts(account_id),
    owner_user_id      INTEGER NOT NULL REFERENCES users(user_id),
    list_name          TEXT    NOT NULL,
    list_description   TEXT    NOT NULL DEFAULT '',
    sms_name           TEXT    NOT NULL DEFAULT '',
    is_auto_reply_on   INTEGER NOT NULL DEFAULT 0,
    auto_reply_message TEXT    NOT NULL DEFAULT '',
    created_at         INTEGER NOT NULL,
    last_updated       INTEGER NOT NULL
  );
  INSERT INTO lists_7 SELECT * FROM lists;
  DROP TABLE lists;
  ALTER TABLE lists_7 RENAME TO lists;
  CREATE INDEX lists_account ON lists(account_id);

  CREATE TABLE contacts_7 (
    person_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id         INTEGER NOT NULL REFERENCES accounts(account_id),
    owner_user_id      INTEGER NOT NULL REFERENCES users(user_id),
    first_name         TEXT    NOT NULL DEFAULT '',
    last_name          TEXT    NOT NULL DEFAULT '',
    primary_phone      TEXT    NOT NULL,
    secondary_phone    TEXT    NOT NULL DEFAULT '',
    tertiary_phone     TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    integration_data   TEXT    NOT NULL DEFAULT '',
    dnc_primary        INTEGER NOT NULL DEFAULT 0,
    dnc_secondary      INTEGER NOT NULL DEFAULT 0,
    dnc_tertiary       INTEGER NOT NULL DEFAULT 0,
    optin_primary      TEXT    NOT NULL DEFAULT 'Unknown',
    optin_secondary    TEXT    NOT NULL DEFAULT 'Unknown',
    optin_tertiary     TEXT    NOT NULL DEFAULT 'Unknown',
    -- in the Deleted folder (ListID -2) when set
    deleted_at         INTEGER,
    created_at         INTEGER NOT NULL,
    last_updated       INTEGER NOT NULL
  );
  INSERT INTO contacts_7 SELECT * FROM contacts;
  DROP TABLE contacts;
  ALTER TABLE contacts_7 RENAME TO contacts;
  CREATE INDEX contacts_account ON contacts(account_id, deleted_at, person_id);
  CREATE INDEX contacts_primary_phone ON contacts(account_id, primary_phone);
  CREATE INDEX contacts_owner ON contacts(owner_user_id, deleted_at, person_id);
  CREATE INDEX contacts_secondary_phone ON contacts(account_id, secondary_phone);
  CREATE INDEX contacts_tertiary_phone ON contacts(account_id, tertiary_phone);
  CREATE INDEX contacts_last_updated ON contacts(account_id, deleted_at, last_updated);
  CREATE INDEX contacts_last_name ON contacts(account_id, deleted_at, last_name COLLATE NOCASE);
  CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES (new.person_id, new.first_name, new.last_name, new.primary_phone, new.secondary_phone, new.tertiary_phone);
  END;
  CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES ('delete', old.person_id, old.first_name, old.last_name, old.primary_phone, old.secondary_phone, old.tertiary_phone);
  END;
  CREATE TRIGGER contacts_search_update AFTER UPDATE OF first_name, last_name, primary_phone, secondary_phone, tertiary_phone
  ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES ('delete', old.person_id, old.first_name, old.last_name, old.primary_phone, old.secondary_phone, old.tertiary_phone);
    INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
    VALUES (new.person_id, new.first_name, new.last_name, new.primary_phone, new.secondary_phone, new.tertiary_phone);
  END;
  CREATE TRIGGER contact_counts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_counts (account_id, owner_user_id, deleted, n)
    VALUES (new.account_id, new.owner_user_id, new.deleted_at IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER contact_counts_delete AFTER DELETE ON contacts BEGIN
    UPDATE contact_counts SET n = n - 1
    WHERE account_id = old.account_id AND owner_user_id = old.owner_user_id AND deleted = (old.deleted_at IS NOT NULL);
  END;
  CREATE TRIGGER contact_counts_update AFTER UPDATE OF account_id, owner_user_id, deleted_at ON contacts
  WHEN old.account_id IS NOT new.account_id OR old.owner_user_id IS NOT new.owner_user_id
    OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
  BEGIN
    UPDATE contact_counts SET n = n - 1
    WHERE account_id = old.account_id AND owner_user_id = old.owner_user_id AND deleted = (old.deleted_at IS NOT NULL);
    INSERT INTO contact_counts (account_id, owner_user_id, deleted, n)
    VALUES (new.account_id, new.owner_user_id, new.deleted_at IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  INSERT INTO list_members SELECT * FROM list_members_kept;
  DROP TABLE list_members_kept;

  -- A voice broadcast created without audio waits for its message to be recorded by phone: the code the caller
  -- keys in (docs/decisions/0080-record-by-phone.md). Both halves of a combo carry it; it is cleared when recorded.
  ALTER TABLE broadcasts ADD COLUMN recording_code TEXT;
  CREATE UNIQUE INDEX broadcasts_recording_code ON broadcasts(recording_code, channel) WHERE recording_code IS NOT NULL;
  `,
  /* 8: the contact search ignores accents both ways (docs/decisions/0144-accent-folded-contact-search.md) */ `
  -- The same index, its trigrams made without diacritics: "Jose" finds "José" and "Müller" finds "Muller". A search's
  -- words go through the same tokenizer, so both sides are folded alike. The triggers name the table, not its
  -- options: they keep it current as before. Existing contacts are indexed again from the table.
  DROP TABLE contacts_search;
  CREATE VIRTUAL TABLE contacts_search USING fts5(
    first_name, last_name, primary_phone, secondary_phone, tertiary_phone,
    content = 'contacts', content_rowid = 'person_id', tokenize = 'trigram remove_diacritics 1', columnsize = 0
  );
  INSERT INTO contacts_search (contacts_search) VALUES ('rebuild');
  INSERT INTO contacts_search (contacts_search, rank) VALUES ('automerge', 16);
  `,
];
