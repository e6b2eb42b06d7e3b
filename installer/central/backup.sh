#!/bin/sh
# Central's nightly backup (installer/central/README.md, §7): the database as a pg_dump custom
# archive and central's keys folder, into BACKUP_DIR (default /var/backups/returnee-central).
# The data key (SCREENING_CENTRAL_DATA_KEY_FILE) is deliberately NOT copied: keep it apart.
set -eu
dest=${BACKUP_DIR:-/var/backups/returnee-central}
day=$(date +%F)
umask 077
pg_dump --format=custom --file="$dest/central-$day.dump" \
    "$(printf '%s' "$SCREENING_CENTRAL_DB" | sed 's/+psycopg//')"
tar -C "$SCREENING_CENTRAL_HOME" -czf "$dest/keys-$day.tar.gz" keys
find "$dest" -type f -mtime +35 -delete
echo "backed up to $dest/central-$day.dump and $dest/keys-$day.tar.gz"
