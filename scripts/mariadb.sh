#!/usr/bin/env bash
# Starts a throwaway MariaDB on loopback with a private datadir and a random free port.
# Source it, call mariadb_start; it exports CLAIMFRAUD_TEST_MYSQL (a MySql.Data connection string);
# mariadb_stop (installed as an EXIT trap by the caller) shuts it down and removes the datadir.

mariadb_start() {
  MARIADB_DIR=$(mktemp -d /tmp/claimfraud-mariadb.XXXXXX)
  local port user
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  user=$(id -un)
  mariadb-install-db --no-defaults --user="$user" --datadir="$MARIADB_DIR/data" \
    --auth-root-authentication-method=socket --skip-test-db >"$MARIADB_DIR/install.log" 2>&1 \
    || { cat "$MARIADB_DIR/install.log" >&2; return 1; }
  mariadbd --no-defaults --user="$user" --datadir="$MARIADB_DIR/data" --socket="$MARIADB_DIR/sock" \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$MARIADB_DIR/pid" \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --max-connections=200 \
    --log-error="$MARIADB_DIR/error.log" &
  MARIADB_PID=$!
  for _ in $(seq 1 100); do
    if mariadb --no-defaults --socket="$MARIADB_DIR/sock" -uroot -e 'select 1' >/dev/null 2>&1; then break; fi
    if ! kill -0 "$MARIADB_PID" 2>/dev/null; then cat "$MARIADB_DIR/error.log" >&2; return 1; fi
    sleep 0.2
  done
  local password
  password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  mariadb --no-defaults --socket="$MARIADB_DIR/sock" -uroot -e "
    CREATE USER 'claimfraud'@'127.0.0.1' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON *.* TO 'claimfraud'@'127.0.0.1' WITH GRANT OPTION;
    CREATE DATABASE claimfraud CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" \
    || { cat "$MARIADB_DIR/error.log" >&2; return 1; }
  export CLAIMFRAUD_TEST_MYSQL="Server=127.0.0.1;Port=$port;User ID=claimfraud;Password=$password;Database=claimfraud;SslMode=None;CharSet=utf8mb4;AllowPublicKeyRetrieval=true"
  # Lets tests stop and restart this very server (outage cases).
  export CLAIMFRAUD_TEST_MYSQL_PID=$MARIADB_PID CLAIMFRAUD_TEST_MYSQL_DIR=$MARIADB_DIR CLAIMFRAUD_TEST_MYSQL_PORT=$port
  echo "mariadb: listening on 127.0.0.1:$port (datadir $MARIADB_DIR/data)" >&2
}

mariadb_stop() {
  if [[ -n "${MARIADB_DIR:-}" ]]; then
    if [[ -f "$MARIADB_DIR/pid" ]]; then kill "$(cat "$MARIADB_DIR/pid")" 2>/dev/null || true; fi
    if [[ -n "${MARIADB_PID:-}" ]]; then kill "$MARIADB_PID" 2>/dev/null || true; wait "$MARIADB_PID" 2>/dev/null || true; fi
    rm -rf "$MARIADB_DIR"
    MARIADB_DIR=
  fi
}
