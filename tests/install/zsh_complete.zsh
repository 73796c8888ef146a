#!/usr/bin/env zsh
# zsh -f zsh_complete.zsh FPATH_DIR LINE: the matches that zsh's completion system offers
# when TAB is pressed at the end of LINE, one a line, with FPATH_DIR first on fpath.
#
# Completion runs only inside the line editor, so an interactive zsh runs on a
# pseudo-terminal (zsh/zpty): compinit finds the completion function as a user's zsh does,
# and compadd, wrapped, prints each match it is given. A NUL line, printed before and after
# the completion (compprefuncs, comppostfuncs), frames the matches in the terminal's output.
zmodload zsh/zpty || { print -u2 "zsh_complete: no zsh/zpty module"; exit 3; }
fpath_dir=$1
line=$2

init=$(mktemp) || exit 3
trap 'rm -f $init' EXIT
cat > $init <<INIT
PROMPT=
fpath=(${(q)fpath_dir} \$fpath)
autoload -Uz compinit
compinit -u -D
bindkey '^I' complete-word
null-line() { echo -E - \$'\0' }
compprefuncs=(null-line)
comppostfuncs=(null-line exit)
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
compadd() {
    # -O, -A and -D ask for the matches back rather than offer them: not matches.
    if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "\$@"
        return \$?
    fi
    typeset -a hits
    builtin compadd -A hits "\$@"
    (( \$#hits )) || return 1
    builtin print -rl -- "<match>"\${^hits}
    builtin compadd "\$@"
}
echo ready
INIT

zpty z zsh -f -i
zpty -w z "source ${(q)init}"
integer ready=0
repeat 20; do
    zpty -r z out
    if [[ $out == ready* ]]; then
        ready=1
        break
    fi
done
(( ready )) || { print -u2 "zsh_complete: the interactive zsh did not start"; exit 3; }

zpty -w z "$line"$'\t'
integer frames=0
while zpty -r z; do :; done | while IFS= read -r out; do
    if [[ $out == *$'\0'* ]]; then
        (( frames++ )) && break || continue
    fi
    (( frames )) && [[ $out == '<match>'* ]] && print -r -- ${${out#'<match>'}%$'\r'}
done
exit 0
