# shellcheck shell=bash
# Shared by the launchers in bin/: finds a JDK 25 (or newer) and sets up Maven to run on it.
# Source it after setting ROOT; it defines variables and functions and runs nothing.

REQUIRED=25

# Prints the major version of the given java executable, or nothing.
java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)" || return 0
  case "$v" in
    1.*) v="${v#1.}" ;;
  esac
  v="${v%%[.+-]*}"
  case "$v" in
    '' | *[!0-9]*) ;;
    *) echo "$v" ;;
  esac
}

is_jdk_ok() {
  local major
  [ -x "$1" ] || return 1
  major="$(java_major "$1")"
  [ -n "$major" ] && [ "$major" -ge "$REQUIRED" ]
}

# Prints the path of a java executable of a JDK $REQUIRED or newer: $JAVA_HOME's, the one on PATH,
# or one under /usr/lib/jvm. Fails when there is none.
find_java() {
  local c
  if [ -n "${JAVA_HOME:-}" ] && is_jdk_ok "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  if c="$(command -v java 2>/dev/null)" && is_jdk_ok "$c"; then
    echo "$c"
    return
  fi
  for c in /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*/bin/java; do
    if is_jdk_ok "$c"; then
      echo "$c"
      return
    fi
  done
  return 1
}

# require_jdk TOOL ARGS...: sets JAVA (the java executable) and JDK_HOME, or tells on stderr how to
# get a JDK and exits. TOOL and ARGS make the example command in that message.
require_jdk() {
  local tool="$1"
  shift
  if ! JAVA="$(find_java)"; then
    {
      echo "$tool: a JDK $REQUIRED (or newer) is needed, and none was found."
      echo "  Looked at \$JAVA_HOME${JAVA_HOME:+ ($JAVA_HOME)}, 'java' on PATH, and /usr/lib/jvm/*."
      echo "  Install one, then point JAVA_HOME at it, e.g.:"
      echo "    export JAVA_HOME=/path/to/jdk-$REQUIRED"
      echo "    $0 $*"
    } >&2
    exit 1
  fi
  JDK_HOME="$(cd -P "$(dirname "$JAVA")/.." && pwd)"
}

# Sets mvn_env, the environment to run Maven in (use: env "${mvn_env[@]}" mvn ...). Maven runs on
# the JDK found by require_jdk: packaging the core's module-info.class uses the jar tool of Maven's
# own JDK, which must read Java 25 class files (the jar plugin ignores toolchains, MJAR-289).
# JAVA25_HOME also lets the toolchains plugin find it outside the usual places. The flag quiets the
# warnings Maven's own libraries trigger on JDK 25 (sun.misc.Unsafe).
maven_on_jdk() {
  mvn_env=("JAVA_HOME=$JDK_HOME" "JAVA${REQUIRED}_HOME=$JDK_HOME"
    "MAVEN_OPTS=${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow")
}
