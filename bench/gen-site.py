#!/usr/bin/env python3
"""Write a synthetic Versus project of N codes, for the benchmark of issue 8.

Usage: bench/gen-site.py N OUTDIR [--seed S]

OUTDIR gets content/site.yaml, one family content/bench/ (four groups with severities, a
command vocabulary, N code files and N Japanese translations) and copies of the repository's
locales/ and templates/. The text is made of sentence patterns filled at random, in English and
in Japanese, in the exact input format of docs/CONTENT-FORMAT.md: Markdown paragraphs, lists,
bold, links to https URLs, mentions of other codes and of RFC sections, commands, related codes
and references. Code files are about the size of content/smtp/*.yaml (a few much longer, like
552.yaml), so an English comparison page comes out at about 7-10 KB.

The output depends only on N and the seed: the same call writes the same bytes. A code's text
depends on its id and the seed (and on which other codes exist, for mentions), not on the order
of generation.

Standard library only.
"""

import json
import os
import re
import random
import shutil
import sys

FAMILY = "bench"

# Class digit -> (group name, severity, share of the codes, Japanese group name).
CLASSES = {
    "2": ("Positive Completion", "success", 0.20, "肯定完了応答"),
    "3": ("Positive Intermediate", "intermediate", 0.10, "肯定中間応答"),
    "4": ("Transient Negative Completion", "transient", 0.30, "一時的否定完了応答"),
    "5": ("Permanent Negative Completion", "permanent", 0.40, "恒久的否定完了応答"),
}

# Command vocabulary in session order: id -> (English label, Japanese label or None).
COMMANDS = [
    ("CONNECT", "connection opening (greeting)", "接続開始時（グリーティング）"),
    ("EHLO", "EHLO", None),
    ("HELO", "HELO", None),
    ("STARTTLS", "STARTTLS", None),
    ("AUTH", "AUTH", None),
    ("MAIL", "MAIL", None),
    ("RCPT", "RCPT", None),
    ("DATA", "DATA", None),
    ("END-OF-DATA", "end of message data", "メッセージデータの終端"),
    ("BDAT", "BDAT", None),
    ("RSET", "RSET", None),
    ("VRFY", "VRFY", None),
    ("NOOP", "NOOP", None),
    ("ETRN", "ETRN", None),
    ("QUIT", "QUIT", None),
    ("ANY", "any command", "任意のコマンド"),
]
SESSION_COMMANDS = [c[0] for c in COMMANDS if c[0] not in ("CONNECT", "ANY")]

# Topics: (English noun phrase, English title word, Japanese noun phrase, Japanese title word, slug).
TOPICS = [
    ("the recipient's mailbox", "Mailbox", "受信者のメールボックス", "メールボックス", "mailbox"),
    ("the mailbox quota", "Quota", "メールボックスのクォータ", "クォータ", "quota"),
    ("the TLS negotiation", "TLS", "TLS のネゴシエーション", "TLS", "tls"),
    ("the authentication exchange", "Authentication", "認証のやり取り", "認証", "auth"),
    ("the sending rate", "Rate Limit", "送信レート", "送信レート", "rate-limit"),
    ("the DNS lookup of the sender's domain", "Sender Domain Lookup", "送信元ドメインの DNS 検索",
     "送信元ドメイン検索", "dns"),
    ("relaying to another domain", "Relay", "他ドメインへの中継", "中継", "relay"),
    ("the local policy", "Policy", "ローカルポリシー", "ポリシー", "policy"),
    ("the content filter", "Content Filter", "コンテンツフィルター", "コンテンツフィルター", "content-filter"),
    ("the message size", "Message Size", "メッセージサイズ", "メッセージサイズ", "size"),
    ("the command syntax", "Command Syntax", "コマンドの構文", "構文", "syntax"),
    ("the delivery queue", "Queue", "配送キュー", "配送キュー", "queue"),
    ("the system storage", "System Storage", "システムの記憶域", "記憶域", "storage"),
    ("greylisting", "Greylisting", "グレイリスティング", "グレイリスティング", "greylisting"),
    ("the reputation of the sending IP address", "Sender Reputation", "送信元 IP アドレスの評価",
     "送信元評価", "reputation"),
    ("the recipient address", "Recipient Address", "受信者アドレス", "受信者アドレス", "address"),
    ("the message encoding", "Encoding", "メッセージのエンコーディング", "エンコーディング", "encoding"),
    ("the session timer", "Session Timeout", "セッションのタイマー", "セッションタイムアウト", "timeout"),
    ("the mail routing", "Routing", "メールのルーティング", "ルーティング", "routing"),
    ("the DKIM signature", "DKIM Signature", "DKIM 署名", "DKIM 署名", "dkim"),
    ("the SPF check", "SPF Check", "SPF チェック", "SPF チェック", "spf"),
    ("the message headers", "Header", "メッセージヘッダー", "ヘッダー", "headers"),
    ("the number of recipients", "Recipient Count", "宛先数", "宛先数", "recipients"),
    ("the mail service", "Service", "メールサービス", "サービス", "service"),
    ("a command parameter", "Parameter", "コマンドのパラメーター", "パラメーター", "parameter"),
    ("a service extension", "Extension", "サービス拡張", "サービス拡張", "extension"),
    ("the requested priority", "Priority", "要求された優先度", "優先度", "priority"),
    ("a forwarding loop", "Mail Loop", "転送ループ", "メールループ", "loop"),
]

TITLE_PATTERNS = {
    "2": [("{T} Accepted", "{J}の受理"), ("{T} Completed", "{J}の完了"),
          ("{T} Status Reported", "{J}の状態通知"), ("{T} Confirmed", "{J}の確認"),
          ("{T} Queued", "{J}のキュー投入")],
    "3": [("Awaiting {T} Data", "{J}のデータ待ち"), ("{T} Continuation Required", "{J}の継続要求"),
          ("{T} Challenge Sent", "{J}のチャレンジ送信"), ("Ready for {T} Input", "{J}の入力待ち")],
    "4": [("{T} Temporarily Unavailable", "{J}の一時的な利用不可"), ("{T} Deferred", "{J}の保留"),
          ("{T} Busy, Try Later", "{J}の混雑（後で再試行）"), ("Transient {T} Failure", "{J}の一時的な失敗"),
          ("{T} Check Timed Out", "{J}の確認タイムアウト")],
    "5": [("{T} Rejected", "{J}の拒否"), ("{T} Not Permitted", "{J}は許可されていません"),
          ("Permanent {T} Failure", "{J}の恒久的な失敗"), ("{T} Invalid", "{J}が無効"),
          ("{T} Refused by Policy", "{J}のポリシーによる拒否")],
}

SEVERITY_WORDS = {  # class -> (English adjective phrase, Japanese noun)
    "2": ("a success reply", "成功応答"),
    "3": ("an intermediate reply", "中間応答"),
    "4": ("a temporary failure", "一時的エラー"),
    "5": ("a permanent failure", "恒久的エラー"),
}

# (RFC number, section, section title): references and RFC mentions in the prose.
RFC_SECTIONS = [
    ("5321", "4.2.1", "Reply Code Severities and Theory"),
    ("5321", "4.2.2", "Reply Codes by Function Groups"),
    ("5321", "4.2.3", "Reply Codes in Numeric Order"),
    ("5321", "4.3.2", "Command-Reply Sequences"),
    ("5321", "4.5.3.1", "Size Limits and Minimums"),
    ("5321", "4.5.4.1", "Sending Strategy"),
    ("5321", "3.3", "Mail Transactions"),
    ("5321", "3.6", "Relaying and Mail Routing"),
    ("5321", "4.1.1.4", "DATA"),
    ("5321", "4.4", "Trace Information"),
    ("5321", "6.1", "Reliable Delivery and Replies by Email"),
    ("5321", "7.5", "Information Disclosure in Announcements"),
    ("3463", "3.2", "Addressing Status"),
    ("3463", "3.3", "Mailbox Status"),
    ("3463", "3.4", "Mail System Status"),
    ("3463", "3.5", "Network and Routing Status"),
    ("3463", "3.7", "Message Content or Media Status"),
    ("3463", "3.8", "Security or Policy Status"),
    ("3207", "4", "The STARTTLS Command"),
    ("4954", "6", "Status Codes"),
    ("1870", "6", "The Extended MAIL Command"),
    ("6710", "4", "The MT-PRIORITY Extension"),
]

# Markdown links to https pages: (English text, Japanese text, URL pattern with {slug}).
LINKS = [
    ("the operator's postmaster page", "運用者のポストマスター向けページ",
     "https://postmaster.example.net/policies/{slug}"),
    ("the troubleshooting guide", "トラブルシューティングガイド", "https://docs.example.com/mail/troubleshooting/{slug}"),
    ("the provider's status page", "プロバイダーの稼働状況ページ", "https://status.example.org/mail/{slug}"),
    ("the delisting form", "リスト削除の申請フォーム", "https://abuse.example.net/delist?topic={slug}"),
    ("the server documentation", "サーバーのドキュメント", "https://docs.example.com/xtp/reference/{slug}.html"),
]

SCOPES_BY_CLASS = {
    "2": ["command", "command", "command", "recipient", "transaction", "session"],
    "3": ["command", "transaction", "session"],
    "4": ["connection", "session", "transaction", "recipient", "message", "command"],
    "5": ["connection", "session", "transaction", "recipient", "recipient", "message", "command", "command"],
}
CAUSES_BY_CLASS = {
    "2": ["none"],
    "3": ["none"],
    "4": ["receiver", "receiver", "either", "sender"],
    "5": ["sender", "sender", "either", "receiver"],
}

# ---------------------------------------------------------------------------------------------
# Sentence patterns. Each is (English, Japanese). Placeholders: {code} the code, {topic} and
# {jtopic} its topic, {sev}/{jsev} its severity, {cmd} a command, {rel}/{rel2} other codes,
# {rfc} an RFC mention, {link}/{jlink} a Markdown link.

DESC_OPEN = {
    "2": [("{code} reports that the server has completed the request concerning {topic} ({rfc}).",
           "{code} は、{jtopic}に関する要求をサーバーが完了したことを示します（{rfc}）。"),
          ("With {code} the server confirms that everything about {topic} is in order and the session can go on.",
           "{code} によって、サーバーは{jtopic}に問題がなく、セッションを続けられることを確認します。")],
    "3": [("{code} tells the client that the server has accepted the first step and is waiting for more input"
           " about {topic} ({rfc}).",
           "{code} は、サーバーが最初の段階を受け付け、{jtopic}に関する追加の入力を待っていることをクライアントに伝えます（{rfc}）。"),
          ("{code} is an intermediate reply: the command is not finished until the client sends what the server"
           " asked for.",
           "{code} は中間応答です。サーバーが求めたものをクライアントが送るまで、コマンドは完了しません。")],
    "4": [("{code} means that the server could not act on the request because of {topic}, but the condition is"
           " expected to clear ({rfc}).",
           "{code} は、{jtopic}が原因でサーバーが要求を処理できなかったものの、その状態は解消される見込みであることを示します（{rfc}）。"),
          ("The server answers {code} when {topic} prevents it from going on for now; the client keeps the message"
           " and tries again.",
           "{jtopic}のために今は処理を続けられない場合、サーバーは {code} を返します。クライアントはメッセージを保持し、再試行します。")],
    "5": [("{code} means that the server refused the request because of {topic}, and sending the same command"
           " again will fail the same way ({rfc}).",
           "{code} は、{jtopic}を理由にサーバーが要求を拒否したことを示し、同じコマンドを再送しても同じように失敗します（{rfc}）。"),
          ("The server answers {code} when {topic} rules out the request for good; the client must not retry"
           " without a change.",
           "{jtopic}によって要求が恒久的に受け付けられない場合、サーバーは {code} を返します。クライアントは何かを変えない限り再試行してはいけません。")],
}

DESC_MORE = [
    ("It is {sev}, so the first digit alone already tells the client what to do next ({rfc}).",
     "これは{jsev}なので、クライアントは 1 桁目だけで次に何をすべきかがわかります（{rfc}）。"),
    ("According to the command-reply sequences, {code} may answer {cmd} and a few other commands ({rfc}).",
     "コマンドと応答の対応表によれば、{code} は {cmd} などいくつかのコマンドへの応答になり得ます（{rfc}）。"),
    ("The text after the code is meant for people and changes from server to server; only the code itself is"
     " fixed.",
     "コードに続くテキストは人が読むためのもので、サーバーごとに異なります。固定されているのはコードだけです。"),
    ("Many servers add an enhanced status code to {code}, which narrows the reason down further.",
     "多くのサーバーは {code} に拡張ステータスコードを付け、理由をさらに絞り込みます。"),
    ("Unlike {rel}, {code} does not say anything about the message itself, only about {topic}.",
     "{rel} と異なり、{code} はメッセージそのものではなく、{jtopic}についてだけ述べています。"),
    ("In logs it is often confused with {rel}, although the two are reported for different reasons.",
     "ログの上では {rel} と混同されがちですが、両者は異なる理由で報告されます。"),
    ("Operators describe the exact rule behind it on {link}.",
     "その背後にある具体的な規則は、{jlink}で説明されています。"),
    ("A client that cannot tell {code} from {rel} should follow the first digit of the reply.",
     "{code} と {rel} を区別できないクライアントは、応答の 1 桁目に従うべきです。"),
    ("The reply applies to {scope} and nothing else.",
     "この応答の対象は{jscope}だけです。"),
]

DESC_BULLETS = [
    ("**{Topic} limit.** The server has a fixed limit for {topic}, and the request went past it.",
     "**{jtitle}の上限。** サーバーには{jtopic}の固定された上限があり、要求がそれを超えました。"),
    ("**Configuration.** A recent change on the receiving side affects {topic}; see {link}.",
     "**設定。** 受信側での最近の変更が{jtopic}に影響しています。{jlink}を参照してください。"),
    ("**Peer behaviour.** The client sent {cmd} at a point of the session where the server did not expect it.",
     "**相手側の動作。** サーバーが想定していないセッションの段階で、クライアントが {cmd} を送りました。"),
    ("**Related replies.** The same situation may also be reported with {rel} or {rel2}.",
     "**関連する応答。** 同じ状況が {rel} や {rel2} で報告されることもあります。"),
    ("**Standards.** The meaning of the reply is fixed by {rfc}; servers may not give it another one.",
     "**標準。** この応答の意味は {rfc} で定められており、サーバーが別の意味を与えることはできません。"),
]

WHEN = [
    ("A client sends {cmd} and the server finds a problem with {topic}.",
     "クライアントが {cmd} を送り、サーバーが{jtopic}に問題を見つけた。"),
    ("The receiving server has just been reconfigured and now checks {topic} more strictly.",
     "受信サーバーの設定が変更されたばかりで、{jtopic}をより厳しく確認するようになった。"),
    ("A script or a mail client sends commands faster than the server accepts them.",
     "スクリプトやメールクライアントが、サーバーが受け付けるより速くコマンドを送っている。"),
    ("The sending server is listed by a blocklist that the receiving server consults; details are on {link}.",
     "受信サーバーが参照するブロックリストに送信サーバーが登録されている。詳細は{jlink}にあります。"),
    ("A forwarding rule sends the message on to another domain, and {topic} fails there.",
     "転送ルールによってメッセージが別のドメインへ送られ、そこで{jtopic}が失敗した。"),
    ("A **bulk mailing** reaches many recipients at the same provider in a short time.",
     "**一斉配信**によって、短時間に同じプロバイダーの多数の宛先へメールが届いた。"),
    ("An old client does not support the extension that the server announced in its EHLO reply.",
     "古いクライアントが、サーバーが EHLO の応答で通知した拡張に対応していない。"),
    ("The server answers {rel} first and {code} on the next attempt, because the condition changed in between.",
     "途中で状況が変わったため、サーバーが最初は {rel} を、次の試行では {code} を返した。"),
    ("A monitoring probe opens a session, sends {cmd} and checks the reply.",
     "監視用のプローブがセッションを開き、{cmd} を送って応答を確認している。"),
    ("The message passes through a gateway that rewrites {topic} on the way.",
     "メッセージが、途中で{jtopic}を書き換えるゲートウェイを通過した。"),
    ("A user types the command by hand in a test session (telnet or `openssl s_client`).",
     "ユーザーがテスト用のセッション（telnet や `openssl s_client`）で手作業でコマンドを入力した。"),
    ("The receiving side is under maintenance and has switched to a reduced service.",
     "受信側がメンテナンス中で、縮退運転に切り替えている。"),
]

FIX_SENDER = {
    "ok": [("Nothing to do: {code} means the request went through.",
            "対応は不要です。{code} は要求が処理されたことを意味します。"),
           ("If the mail still does not arrive, the problem lies after the receiving server, so ask the recipient"
            " to look in their spam folder.",
            "それでもメールが届かない場合、問題は受信サーバーより後にあります。受信者に迷惑メールフォルダーを確認してもらってください。")],
    "temp": [("Wait: your server keeps the message and tries again on its own.",
              "待ってください。送信側のサーバーがメッセージを保持し、自動的に再試行します。"),
             ("If the message is still not delivered after a day, check {link} and contact the recipient by"
              " another channel.",
              "1 日たっても配送されない場合は、{jlink}を確認し、別の手段で受信者に連絡してください。"),
             ("Do not send the message again by hand; a second copy only adds to the queue.",
              "メッセージを手作業で再送しないでください。2 通目はキューを増やすだけです。")],
    "perm": [("Read the text of the reply: it usually names the reason, for example {topic}.",
              "応答のテキストを読んでください。多くの場合、{jtopic}のような理由が書かれています。"),
             ("Correct the address or the message and send it again; sending it unchanged will fail the same way.",
              "アドレスまたはメッセージを修正してから再送してください。そのまま送っても同じように失敗します。"),
             ("If you think the rejection is a mistake, forward the bounce to your provider's support.",
              "拒否が誤りだと思われる場合は、バウンスメールをプロバイダーのサポートに転送してください。")],
}

FIX_RECIPIENT = [
    ("If senders tell you their mail came back with {code}, check {topic} in your account settings.",
     "送信者から {code} でメールが戻ってきたと言われたら、アカウント設定で{jtopic}を確認してください。"),
    ("Ask your provider whether a filter or a limit on your mailbox caused the reply.",
     "メールボックスのフィルターや上限が原因でないか、プロバイダーに確認してください。"),
    ("Nothing in your mailbox needs to change; the sending side has to act.",
     "メールボックス側で変えるべきことはありません。対応が必要なのは送信側です。"),
]

FIX_ADMIN = [
    ("Search the server log for the session and the command that drew {code}; the log shows which check"
     " failed.",
     "サーバーのログで、{code} を返したセッションとコマンドを探してください。どの確認で失敗したかがログに記録されています。"),
    ("Compare the limits you announce in EHLO with the limits you enforce for {topic}.",
     "EHLO で通知している上限と、{jtopic}に実際に適用している上限を比べてください。"),
    ("If the reply comes from a policy rule, document the rule on {link} so that senders can fix their side.",
     "応答がポリシー規則によるものなら、送信者が自分の側を直せるように、その規則を{jlink}に記載してください。"),
    ("Keep an eye on the queue: a growing number of {code} replies often points to a problem with {topic}.",
     "キューを監視してください。{code} の応答が増えている場合、{jtopic}に問題があることがよくあります。"),
]

# Only for permanent failures: {temp} is a transient code of the family.
FIX_ADMIN_PERM = [
    ("Use {temp} instead if the condition is temporary; {code} ends the delivery at once.",
     "状態が一時的なものであれば、代わりに {temp} を使ってください。{code} は配送をその場で終わらせます。"),
]

NOTES = [
    ("**Retry behaviour.** A client that receives {sev} must follow the first digit, whatever the text says"
     " ({rfc}).",
     "**再試行の扱い。** {jsev}を受け取ったクライアントは、テキストの内容にかかわらず 1 桁目に従わなければなりません（{rfc}）。"),
    ("**Older servers.** Some servers answer {rel} in this situation; clients should treat both the same way.",
     "**古いサーバー。** この状況で {rel} を返すサーバーもあります。クライアントは両者を同じように扱うべきです。"),
    ("**Multi-line replies.** Every line of the reply carries the same code; only the last one has a space after"
     " it ({rfc}).",
     "**複数行の応答。** 応答のすべての行に同じコードが付き、最後の行だけコードの後が空白になります（{rfc}）。"),
    ("**Enhanced codes.** When the server supports enhanced status codes, the reason is also given in the"
     " form class.subject.detail ({rfc}).",
     "**拡張ステータスコード。** サーバーが拡張ステータスコードに対応していれば、理由はクラス.サブジェクト.詳細の形式でも示されます（{rfc}）。"),
]

SCOPE_JA = {
    "connection": "接続全体", "session": "セッションの残り", "transaction": "メールトランザクション全体",
    "recipient": "一人の受信者", "message": "メッセージそのもの", "command": "応答したコマンド",
}
SCOPE_EN = {
    "connection": "the whole connection", "session": "the rest of the session",
    "transaction": "the whole mail transaction", "recipient": "a single recipient",
    "message": "the message itself", "command": "only the command it answers",
}

SUMMARY = {
    "2": ("The server completed the request concerning {topic}.",
          "サーバーは{jtopic}に関する要求を完了しました。"),
    "3": ("The server accepted the first step and waits for the client to send the rest about {topic}.",
          "サーバーは最初の段階を受け付け、{jtopic}に関する残りをクライアントが送るのを待っています。"),
    "4": ("The server cannot act on the request right now because of {topic}; the client should try again later.",
          "{jtopic}のため、サーバーは今は要求を処理できません。クライアントは後で再試行してください。"),
    "5": ("The server refused the request because of {topic}, and it will not accept it unchanged.",
          "{jtopic}を理由にサーバーは要求を拒否しました。そのままでは受け付けられません。"),
}


# ---------------------------------------------------------------------------------------------

def allocate(n):
    """Code ids for n codes, spread over classes 2-5, and the codePattern that allows them."""
    width = 3 if n <= 400 else 4
    room = 10 ** (width - 1)
    if n > 4 * room:
        sys.exit(f"gen-site.py: at most {4 * room} codes")
    counts = {c: min(room, int(round(n * CLASSES[c][2]))) for c in CLASSES}
    # Fix rounding and caps: give or take codes where there is room, biggest classes first.
    order = sorted(CLASSES, key=lambda c: -CLASSES[c][2])
    while sum(counts.values()) != n:
        step = 1 if sum(counts.values()) < n else -1
        for c in order:
            if sum(counts.values()) == n:
                break
            if 0 <= counts[c] + step <= room and not (step < 0 and counts[c] == 1):
                counts[c] += step
    ids = []
    for c in sorted(CLASSES):
        k = counts[c]
        # Evenly spread over c00..c99 (or c000..c999), like real codes leave gaps.
        for i in range(k):
            ids.append(f"{c}{((2 * i + 1) * room) // (2 * k):0{width - 1}d}")
    pattern = "[2-5][0-9][0-9]" if width == 3 else "[2-5][0-9]{3}"
    return ids, pattern


def wrap(text, width=100, indent=""):
    """Hard-wraps English Markdown at spaces, like the hand-written files."""
    # A Markdown link and an RFC mention ("RFC 5321 §4.2.3") stay on one line.
    text = re.sub(r"\[[^\]]*\]\([^)]*\)|RFC [0-9]+ §[0-9.]*[0-9]", lambda m: m.group(0).replace(" ", "\0"), text)
    words = [w.replace("\0", " ") for w in text.split(" ")]
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = indent + w
        else:
            line = (line + " " + w) if line else w
    lines.append(line)
    return "\n".join(lines)


def ja_lines(text, indent=""):
    """Japanese Markdown with one sentence per line, like content/smtp/*.ja.yaml."""
    # Break after a full stop, but not inside "**見出し。**" or before a closing bracket.
    sentences = re.findall(r"(?:[^。]|。(?=[*）」]))*(?:。|$)", text)
    return ("\n" + indent).join(x.strip() for x in sentences if x.strip())


class CodeWriter:
    def __init__(self, code, ids, seed, title_pick):
        self.code = code
        self.cls = code[0]
        self.rnd = random.Random(f"{seed}:{code}")
        self.topic = title_pick[1]
        self.en_title, self.ja_title = title_pick[0]
        others = [i for i in ids if i != code]
        # Related codes: mostly neighbours (same class), sometimes the counterpart of the other class.
        same = [i for i in others if i[0] == self.cls]
        pool_size = min(len(others), self.rnd.randint(2, 5))
        related = []
        counterpart = {"4": "5", "5": "4"}.get(self.cls)
        if counterpart:
            cands = [i for i in others if i[0] == counterpart and i[1:] == code[1:]]
            related += cands[:1]
        near = sorted(same, key=lambda i: (abs(int(i) - int(code)), i))[:8]
        self.rnd.shuffle(near)
        for i in near + self.rnd.sample(others, len(others)):
            if len(related) >= pool_size:
                break
            if i not in related:
                related.append(i)
        self.related = related
        transient = [i for i in others if i[0] == "4"] or others
        self.temp = min(transient, key=lambda i: (abs(int(i[1:]) - int(code[1:])), i))
        self.mentionable = list(dict.fromkeys(related + self.rnd.sample(others, min(3, len(others)))))
        self.scope = self.rnd.choice(SCOPES_BY_CLASS[self.cls])
        self.cause = self.rnd.choice(CAUSES_BY_CLASS[self.cls])
        k = self.rnd.choice([1, 1, 2, 2, 3, 4])
        if self.cls == "2" and self.rnd.random() < 0.3:
            k = self.rnd.randint(5, 9)
        self.commands = sorted(self.rnd.sample(SESSION_COMMANDS, k), key=SESSION_COMMANDS.index)
        if self.rnd.random() < 0.08:
            self.commands = ["CONNECT"] + self.commands
        if self.rnd.random() < 0.05:
            self.commands = self.commands + ["ANY"]
        self.rfcs = self.rnd.sample(RFC_SECTIONS, self.rnd.randint(2, 5))
        self.link = self.rnd.choice(LINKS)
        # About one code in ten is long, like 550 or 552.
        self.long = self.rnd.random() < 0.1

    def fill(self, pair):
        """Fills one (English, Japanese) pattern with the same choices in both languages."""
        en, ja = pair
        rfc = self.rnd.choice(self.rfcs)
        rel, rel2 = (self.rnd.sample(self.mentionable, 2) if len(self.mentionable) > 1
                     else (self.mentionable * 2)[:2])
        cmd = self.rnd.choice(self.commands) if self.commands else "NOOP"
        if cmd in ("CONNECT", "ANY", "END-OF-DATA"):
            cmd = "DATA"
        t_en, t_title, t_ja, t_jtitle, slug = self.topic
        link_en = f"[{self.link[0]}]({self.link[2].format(slug=slug)})"
        link_ja = f"[{self.link[1]}]({self.link[2].format(slug=slug)})"
        values = dict(code=self.code, topic=t_en, Topic=t_title, jtopic=t_ja, jtitle=t_jtitle,
                      sev=SEVERITY_WORDS[self.cls][0], jsev=SEVERITY_WORDS[self.cls][1], cmd=cmd,
                      rel=rel, rel2=rel2, temp=self.temp, rfc=f"RFC {rfc[0]} §{rfc[1]}", link=link_en, jlink=link_ja,
                      scope=SCOPE_EN[self.scope], jscope=SCOPE_JA[self.scope])
        return en.format(**values), ja.format(**values)

    def pick(self, patterns, k):
        return [self.fill(p) for p in self.rnd.sample(patterns, min(k, len(patterns)))]

    def paragraph(self, sentences):
        return " ".join(s[0] for s in sentences), "".join(s[1] for s in sentences)

    def bullets(self, items):
        en = "\n".join("- " + wrap(e, 98, "  ") for e, _ in items)
        ja = "\n".join("- " + ja_lines(j, "  ") for _, j in items)
        return en, ja

    def texts(self):
        r = self.rnd
        longf = 2 if self.long else 1
        # description: opening paragraph, maybe a list, maybe a closing paragraph.
        first, second = r.randint(1, 2), r.randint(1, 2) * longf if r.random() < 0.5 or self.long else 0
        more = self.pick(DESC_MORE, first + second)
        parts = [self.paragraph([self.fill(r.choice(DESC_OPEN[self.cls]))] + more[:first])]
        if r.random() < 0.55 or self.long:
            parts.append(self.bullets(self.pick(DESC_BULLETS, r.randint(2, 3) * longf)))
        if more[first:]:
            parts.append(self.paragraph(more[first:]))
        description = ("\n\n".join(wrap(p[0]) if not p[0].startswith("- ") else p[0] for p in parts),
                       "\n\n".join(ja_lines(p[1]) if not p[1].startswith("- ") else p[1] for p in parts))
        when = self.bullets(self.pick(WHEN, r.randint(2, 4) * longf))
        fix = {}
        kind = {"2": "ok", "3": "ok", "4": "temp", "5": "perm"}[self.cls]
        fix["sender"] = self.paragraph(self.pick(FIX_SENDER[kind], r.randint(1, 2) + (longf - 1)))
        if self.cls in "45" and r.random() < 0.6 or self.long:
            fix["recipient"] = self.paragraph(self.pick(FIX_RECIPIENT, r.randint(1, 2)))
        if r.random() < 0.9:
            admin = FIX_ADMIN + (FIX_ADMIN_PERM if self.cls == "5" else [])
            fix["admin"] = self.paragraph(self.pick(admin, r.randint(1, 2) + (longf - 1)))
        notes = None
        if r.random() < 0.35 or self.long:
            notes = self.bullets(self.pick(NOTES, r.randint(1, 2) * longf))
        summary = self.fill(SUMMARY[self.cls])
        return summary, description, when, fix, notes


def block(key, text, indent):
    """A YAML literal block scalar."""
    pad = " " * (indent + 2)
    lines = [pad + line if line else "" for line in text.split("\n")]
    return " " * indent + key + ": |\n" + "\n".join(lines) + "\n"


def q(s):
    return json.dumps(s, ensure_ascii=False)


def write_code(folder, w):
    summary, description, when, fix, notes = w.texts()
    en = [f"code: '{w.code}'\n", f"title: {q(w.en_title)}\n", f"summary: {q(summary[0])}\n",
          block("description", description[0], 0), block("when", when[0], 0), "fix:\n"]
    ja = [f"title: {q(w.ja_title)}\n", f"summary: {q(summary[1])}\n",
          block("description", description[1], 0), block("when", when[1], 0), "fix:\n"]
    for audience in ("sender", "recipient", "admin"):
        if audience in fix:
            en.append(block(audience, wrap(fix[audience][0], 98), 2))
            ja.append(block(audience, ja_lines(fix[audience][1]), 2))
    if notes:
        en.append(block("notes", notes[0], 0))
        ja.append(block("notes", notes[1], 0))
    en.append(f"scope: {w.scope}\ncause: {w.cause}\n")
    en.append("commands: [" + ", ".join(w.commands) + "]\n")
    en.append("related: [" + ", ".join(f"'{r}'" for r in w.related) + "]\n")
    en.append("references:\n")
    for num, sec, title in w.rfcs:
        en.append(f"  - title: RFC {num} §{sec} {title}\n"
                  f"    url: https://www.rfc-editor.org/rfc/rfc{num}#section-{sec}\n")
    with open(os.path.join(folder, f"{w.code}.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(en))
    with open(os.path.join(folder, f"{w.code}.ja.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(ja))


def write_family(folder, pattern):
    lines = [
        "# Synthetic family written by bench/gen-site.py for the benchmark (issue 8); not real codes.",
        f"id: {FAMILY}",
        "name: XMTP",
        "title: XMTP reply codes (synthetic benchmark family)",
        "description: |",
        "  A synthetic family of reply codes shaped like SMTP's, written by `bench/gen-site.py`. The",
        "  first digit says whether the command succeeded (2), needs more input (3), failed for now (4)",
        "  or failed for good (5), as in RFC 5321 §4.2.1. **None of these codes is real.**",
        f"codePattern: '{pattern}'",
        "groupBy: '^([0-9])'",
        "groups:",
    ]
    for c in sorted(CLASSES):
        name, severity, _, _ = CLASSES[c]
        lines += [f"  - key: '{c}'", f"    name: {name}", f"    severity: {severity}"]
    lines.append("commands:")
    lines += [f"  {cid}: {label}" for cid, label, _ in COMMANDS]
    ja = [
        "title: XMTP 応答コード（ベンチマーク用の合成ファミリー）",
        "description: |",
        "  SMTP の応答コードに似せて `bench/gen-site.py` が生成した合成の応答コードです。",
        "  1 桁目はコマンドが成功した (2)、追加の入力を待っている (3)、一時的に失敗した (4)、恒久的に失敗した (5)",
        "  のいずれかを示します（RFC 5321 §4.2.1）。**実在するコードではありません。**",
        "groups:",
    ]
    ja += [f"  '{c}': {CLASSES[c][3]}" for c in sorted(CLASSES)]
    ja.append("commands:")
    ja += [f"  {cid}: {jlabel}" for cid, _, jlabel in COMMANDS if jlabel]
    with open(os.path.join(folder, "_family.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(folder, "_family.ja.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(ja) + "\n")


def main(argv):
    args = list(argv[1:])
    seed = "versus-bench-1"
    if "--seed" in args:
        i = args.index("--seed")
        seed = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or not args[0].isdigit() or int(args[0]) < 2:
        sys.exit("usage: bench/gen-site.py N OUTDIR [--seed S]   (N >= 2 codes)")
    n, out = int(args[0]), args[1]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ids, pattern = allocate(n)

    if os.path.exists(out) and os.listdir(out):
        sys.exit(f"gen-site.py: {out} exists and is not empty; give a new folder")
    content = os.path.join(out, "content")
    family = os.path.join(content, FAMILY)
    os.makedirs(family)
    with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("title: Versus bench\nbaseUrl: https://bench.versus.example.org/\n"
                "defaultLocale: en\nlocales: [en, ja]\n")
    write_family(family, pattern)

    # Titles: each class walks its own shuffled list of topic x pattern, so titles rarely repeat.
    picks = {}
    for c in sorted(CLASSES):
        combos = [(pat, topic) for topic in TOPICS for pat in TITLE_PATTERNS[c]]
        random.Random(f"{seed}:titles:{c}").shuffle(combos)
        class_ids = [i for i in ids if i[0] == c]
        for k, code in enumerate(class_ids):
            (pen, pja), topic = combos[k % len(combos)]
            en_title = pen.format(T=topic[1])
            ja_title = pja.format(J=topic[3])
            if k >= len(combos):
                en_title += f" (Variant {k // len(combos) + 1})"
                ja_title += f"（その {k // len(combos) + 1}）"
            picks[code] = ((en_title, ja_title), topic)
    for code in ids:
        write_code(family, CodeWriter(code, ids, seed, picks[code]))

    for sub in ("locales", "templates"):
        shutil.copytree(os.path.join(repo, sub), os.path.join(out, sub))
    print(f"{out}: {n} codes ({ids[0]}..{ids[-1]}, codePattern {pattern}), {2 * n + 3} content files")


if __name__ == "__main__":
    main(sys.argv)
