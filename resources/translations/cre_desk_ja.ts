<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../cre_desk/gui/crash.py" line="29"/>
        <source>CRE Desk hit an unexpected problem</source>
        <translation>CRE Desk で予期しない問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/crash.py" line="33"/>
        <source>Your saved work and drafts are safe. The details were written to:
{0}
Please send that file to the CRE Desk maintainers.</source>
        <translation>保存済みのデータと下書きは無事です。詳細は次のファイルに記録しました:
{0}
このファイルを CRE Desk の管理担当者にお送りください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/crash.py" line="34"/>
        <source>(no log file)</source>
        <translation>（ログファイルなし）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="55"/>
        <location filename="../../cre_desk/gui/messages.py" line="60"/>
        <location filename="../../cre_desk/gui/messages.py" line="64"/>
        <location filename="../../cre_desk/gui/messages.py" line="113"/>
        <location filename="../../cre_desk/gui/messages.py" line="116"/>
        <source>CRE Desk</source>
        <translation>CRE Desk</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="73"/>
        <source>The database file is damaged, so this could not be read or saved.</source>
        <translation>データベースファイルが破損しているため、読み込みまたは保存ができませんでした。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="74"/>
        <source>Restart CRE Desk: it checks the file when it starts, moves a damaged one aside (nothing is deleted) and offers your newest good backup.</source>
        <translation>CRE Desk を再起動してください。起動時にファイルを確認し、破損したファイルは別の場所へ移し（何も削除しません）、最新の正常なバックアップを提案します。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="79"/>
        <source>The database is busy.</source>
        <translation>データベースが使用中です。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="80"/>
        <source>Another program is writing to it. Wait a moment and try again.</source>
        <translation>別のプログラムが書き込み中です。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="82"/>
        <location filename="../../cre_desk/gui/messages.py" line="89"/>
        <source>The disk is full, so nothing could be saved.</source>
        <translation>ディスクがいっぱいのため保存できませんでした。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="83"/>
        <location filename="../../cre_desk/gui/messages.py" line="90"/>
        <source>Free some disk space and save again; your unsaved text is still in the window.</source>
        <translation>ディスクの空き容量を増やしてから保存し直してください。未保存の入力内容はウィンドウに残っています。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="85"/>
        <source>The database could not be reached.</source>
        <translation>データベースに接続できませんでした。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="86"/>
        <source>Check the team server connection (or the data folder) and try again.</source>
        <translation>チームサーバーへの接続（またはデータフォルダー）を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="93"/>
        <source>A file could not be read or written: {0}</source>
        <translation>ファイルを読み書きできませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="94"/>
        <source>Check the file exists and you have access to it.</source>
        <translation>ファイルが存在し、アクセス権があることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/messages.py" line="109"/>
        <source>Saved by someone else</source>
        <translation>他のメンバーが保存</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="36"/>
        <source>Attach logs to the ticket</source>
        <translation>チケットにログを添付</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="37"/>
        <source>Logs and archives (*.log *.txt *.gz *.zip);;All files (*)</source>
        <translation>ログとアーカイブ (*.log *.txt *.gz *.zip);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="14"/>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="102"/>
        <location filename="../../ui/accounts_dialog.ui" line="73"/>
        <source>acme (for acme.zendesk.com)</source>
        <translation>acme（acme.zendesk.com の場合）</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="123"/>
        <source> days</source>
        <translation> 日分</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="120"/>
        <source>How far back the first sync reaches; later syncs bring only changes</source>
        <translation>最初の同期でさかのぼる期間。以降の同期では変更分だけを取り込みます</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="149"/>
        <source>App ID from Your Profile → My Apps</source>
        <translation>プロフィール → マイアプリにある App ID</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="53"/>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="186"/>
        <source>All mailboxes</source>
        <translation>すべてのメールボックス</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="184"/>
        <source>Load mailboxes</source>
        <translation>メールボックスを読み込む</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="249"/>
        <source>optional: GitHub Enterprise or another server address</source>
        <translation>任意：GitHub Enterprise など別のサーバーのアドレス</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="33"/>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="46"/>
        <source>Account name</source>
        <translation>アカウント名</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="101"/>
        <location filename="../../ui/accounts_dialog.ui" line="63"/>
        <source>Zendesk subdomain</source>
        <translation>Zendesk サブドメイン</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="80"/>
        <source>Agent e-mail</source>
        <translation>エージェントのメールアドレス</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="97"/>
        <source>Intercom region</source>
        <translation>Intercom リージョン</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="110"/>
        <source>First sync brings</source>
        <translation>最初の同期</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="139"/>
        <source>Help Scout App ID</source>
        <translation>Help Scout の App ID</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="156"/>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="194"/>
        <source>Fields</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="216"/>
        <source>Which helpdesk fields fill platform, SDK and app versions, priority and category</source>
        <translation>プラットフォーム・SDK とアプリのバージョン・優先度・カテゴリをヘルプデスクのどの項目から取り込むか</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="219"/>
        <source>Field mapping…</source>
        <translation>項目の対応付け…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="239"/>
        <source>Server address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="110"/>
        <location filename="../../ui/accounts_dialog.ui" line="256"/>
        <source>API token</source>
        <translation>API トークン</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="287"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="294"/>
        <source>Save account</source>
        <translation>アカウントを保存</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="301"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.ui" line="308"/>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="98"/>
        <source>Freshdesk domain</source>
        <translation>Freshdesk のドメイン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="99"/>
        <source>acme (for acme.freshdesk.com)</source>
        <translation>acme（acme.freshdesk.com の場合）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="104"/>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="105"/>
        <source>App Secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="106"/>
        <source>Access token</source>
        <translation>アクセストークン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="107"/>
        <source>Personal access token</source>
        <translation>個人用アクセストークン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="138"/>
        <source>A token is stored in the system keyring; type a new one to replace it.</source>
        <translation>トークンはシステムのキーリングに保存されています。置き換える場合は新しいトークンを入力してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="140"/>
        <source>The token is kept only in the system keyring, never in CRE Desk&apos;s files.</source>
        <translation>トークンはシステムのキーリングにのみ保存され、CRE Desk のファイルには保存されません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="167"/>
        <source>{0} field(s) filled from the helpdesk</source>
        <translation>{0} 項目をヘルプデスクから取り込みます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="168"/>
        <source>No fields mapped</source>
        <translation>対応付けた項目はありません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="170"/>
        <source>; symptom and category sent as tags</source>
        <translation>。症状とカテゴリをタグとして送ります</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="181"/>
        <source>Press Save account to keep the field mapping.</source>
        <translation>項目の対応付けを残すには「アカウントを保存」を押してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="190"/>
        <source>Mailbox {0}</source>
        <translation>メールボックス {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="201"/>
        <source>Enter the App ID and App Secret first.</source>
        <translation>先に App ID と App Secret を入力してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="205"/>
        <source>Loading mailboxes…</source>
        <translation>メールボックスを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="210"/>
        <source>{0} mailbox(es) found.</source>
        <translation>メールボックスが {0} 件見つかりました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="214"/>
        <source>Could not load mailboxes: {0}</source>
        <translation>メールボックスを読み込めませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="232"/>
        <source>Enter the account&apos;s API token.</source>
        <translation>アカウントの API トークンを入力してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="234"/>
        <source>Enter the Help Scout app&apos;s App Secret.</source>
        <translation>Help Scout アプリの App Secret を入力してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="249"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="256"/>
        <source>Remove the account “{0}” and its stored token?</source>
        <translation>アカウント「{0}」と保存済みのトークンを削除しますか？</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="268"/>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="279"/>
        <source>Connected as {0}.</source>
        <translation>{0} として接続しました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="279"/>
        <source>Connected.</source>
        <translation>接続しました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/accounts_dialog.py" line="283"/>
        <source>Connection failed: {0}</source>
        <translation>接続できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>ArticlesWindow</name>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="99"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="228"/>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="104"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="218"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="104"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="174"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="219"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="104"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="157"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="104"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="158"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="220"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="104"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="159"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="118"/>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="124"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="270"/>
        <source>FAQ</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="125"/>
        <location filename="../../cre_desk/gui/articles_window.py" line="271"/>
        <source>Best practice</source>
        <translation>ベストプラクティス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="127"/>
        <source>&amp;New article</source>
        <translation>新規記事(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="129"/>
        <source>Add starter &amp;cards</source>
        <translation>スターターカードを追加(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="130"/>
        <source>Add the shipped best-practice cards (in-app messages, push, events) this workspace does not hold yet</source>
        <translation>同梱のベストプラクティスカード（アプリ内メッセージ・プッシュ・イベント）のうち、このワークスペースにまだないものを追加します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="153"/>
        <source>e.g. Braze Android SDK &gt;= 30.0; one range per comma</source>
        <translation>例: Braze Android SDK &gt;= 30.0（範囲ごとにカンマで区切る）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="154"/>
        <source>e.g. symptom:iam_not_shown, team:mobile</source>
        <translation>例: symptom:iam_not_shown, team:mobile</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="155"/>
        <source>e.g. 12, 15</source>
        <translation>例: 12, 15</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="160"/>
        <source>SDK versions</source>
        <translation>対象 SDK バージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="161"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="162"/>
        <source>Linked tickets</source>
        <translation>関連チケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="167"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="168"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="178"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="214"/>
        <source>Tickets</source>
        <translation>チケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="214"/>
        <source>Common words</source>
        <translation>共通する語</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="214"/>
        <source>Titles</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="221"/>
        <source>Suggested</source>
        <translation>提案回数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="222"/>
        <source>Inserted</source>
        <translation>挿入回数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="223"/>
        <source>Look-alikes after publishing</source>
        <translation>公開後の類似チケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="229"/>
        <source>FAQ candidates</source>
        <translation>FAQ 候補</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="230"/>
        <source>FAQ health</source>
        <translation>FAQ の効果</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="238"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="239"/>
        <source>Reviewed</source>
        <translation>レビュー済み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="240"/>
        <source>Published</source>
        <translation>公開済み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="241"/>
        <source>Outdated</source>
        <translation>古い情報</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="251"/>
        <source>Starter cards added: %1</source>
        <translation>追加したスターターカード: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="290"/>
        <source>No articles with this status.</source>
        <translation>このステータスの記事はありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="292"/>
        <source>No articles yet. Write one with New article, or turn a solved ticket into an FAQ article with Make an FAQ article under Similar tickets and articles.</source>
        <translation>記事はまだありません。「新規記事」で書くか、解決したチケットを「類似チケットと記事」の下の「FAQ 記事を作成」で FAQ 記事にしてください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="324"/>
        <source>Article #%1, saved %2</source>
        <translation>記事 #%1（%2 に保存）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="340"/>
        <source>New article: not saved yet</source>
        <translation>新規記事: まだ保存されていません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="376"/>
        <source>Linked tickets are ticket numbers separated by commas, like 12, 15.</source>
        <translation>関連チケットはチケット番号をカンマで区切って入力してください（例: 12, 15）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="420"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="429"/>
        <source>Not saved: a teammate saved this article meanwhile. Your text is kept; check it and save again.</source>
        <translation>保存されていません: その間にチームの誰かがこの記事を保存しました。入力内容は残っています。確認してからもう一度保存してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="440"/>
        <source>Not in Zendesk Guide yet</source>
        <translation>Zendesk Guide にはまだありません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="474"/>
        <source>Connect a Zendesk account first (File → Accounts).</source>
        <translation>先に Zendesk アカウントを接続してください（ファイル → アカウント）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="483"/>
        <source>Create article #%1 as a draft in Zendesk Guide (%2)?</source>
        <translation>記事 #%1 を Zendesk Guide に下書きとして作成しますか（%2）？</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="181"/>
        <source>Create or update this article as a draft in Zendesk Guide; someone publishes it there</source>
        <translation>この記事を Zendesk Guide に下書きとして作成または更新します。公開は Guide で行います</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="445"/>
        <source>Draft in Zendesk Guide: %1</source>
        <translation>Zendesk Guide の下書き: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="442"/>
        <source>Edited in Zendesk Guide since saved here: %1</source>
        <translation>ここから保存した後に Zendesk Guide で編集されています: %1</translation>
    </message>
    <message>
        <source>Not in the help center yet</source>
        <translation type="vanished">ヘルプセンターにはまだありません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="459"/>
        <source>Permission group id:</source>
        <translation>権限グループ ID:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="470"/>
        <source>Save the article first.</source>
        <translation>先に記事を保存してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="180"/>
        <source>Save to Zendesk &amp;Guide…</source>
        <translation>Zendesk Guide に保存(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="500"/>
        <source>Saving to Zendesk Guide…</source>
        <translation>Zendesk Guide に保存しています…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="454"/>
        <source>Section id:</source>
        <translation>セクション ID:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="513"/>
        <source>The article was edited in Zendesk Guide since it was saved from here. Replace the Guide copy with this one?</source>
        <translation>この記事はここから保存した後に Zendesk Guide で編集されています。Guide の内容をこの内容で置き換えますか？</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="482"/>
        <source>Update the draft of article #%1 in Zendesk Guide (%2)?</source>
        <translation>Zendesk Guide にある記事 #%1 の下書きを更新しますか（%2）？</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/articles_window.py" line="453"/>
        <source>Zendesk Guide</source>
        <translation>Zendesk Guide</translation>
    </message>
</context>
<context>
    <name>AttachBar</name>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="50"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="51"/>
        <source>Stop attaching; nothing of these files is kept</source>
        <translation>添付を中止します。これらのファイルは何も残りません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="63"/>
        <source>Hide these notices</source>
        <translation>これらのお知らせを隠す</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/attach_bar.py" line="84"/>
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>%n 件のファイルを添付中…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="93"/>
        <source>Attaching {0}…</source>
        <translation>{0} を添付中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="120"/>
        <source>{0}: attached</source>
        <translation>{0}: 添付しました</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/attach_bar.py" line="122"/>
        <source>(%n secret(s) or e-mail address(es) removed)</source>
        <translation>
            <numerusform>(秘密情報またはメールアドレスを %n 件削除)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="125"/>
        <source>{0}: already attached to this ticket (same content), not added again</source>
        <translation>{0}: 同じ内容のファイルがすでにこのチケットに添付されているため、追加しませんでした</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="128"/>
        <source>{0}: not attached, the file is empty (there is nothing to read in it)</source>
        <translation>{0}: 添付しませんでした。ファイルが空です (読み取る内容がありません)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="131"/>
        <source>{0}: not attached, it is not a text log but {1}. Attach text logs (.log, .txt) or .zip/.gz archives of them.</source>
        <translation>{0}: 添付しませんでした。テキストのログではなく{1}です。テキストのログ (.log、.txt) か、その .zip/.gz アーカイブを添付してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="134"/>
        <source>{0}: not attached, it is not a file (a folder, or it no longer exists)</source>
        <translation>{0}: 添付しませんでした。ファイルではありません (フォルダーか、すでに存在しません)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="136"/>
        <source>{0}: not attached: {1}</source>
        <translation>{0}: 添付しませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="140"/>
        <source>a PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="140"/>
        <source>a JPEG image</source>
        <translation>JPEG 画像</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="140"/>
        <source>a GIF image</source>
        <translation>GIF 画像</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="141"/>
        <source>a PDF document</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="141"/>
        <source>a program (ELF executable)</source>
        <translation>プログラム (ELF 実行ファイル)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="142"/>
        <source>a program (Mach-O executable)</source>
        <translation>プログラム (Mach-O 実行ファイル)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="142"/>
        <source>an SQLite database</source>
        <translation>SQLite データベース</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="143"/>
        <source>a tar archive (not supported: use .zip or .gz)</source>
        <translation>tar アーカイブ (未対応: .zip か .gz を使ってください)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/attach_bar.py" line="144"/>
        <source>binary data</source>
        <translation>バイナリデータ</translation>
    </message>
</context>
<context>
    <name>BulkRetag</name>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="78"/>
        <source>no team</source>
        <translation>チームなし</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/retag_dialog.py" line="86"/>
        <source>Set {0} on %n ticket(s)?</source>
        <translation>
            <numerusform>%n 件のチケットに {0} を設定しますか？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/retag_dialog.py" line="90"/>
        <source>%n selected ticket(s) already have it and stay as they are.</source>
        <translation>
            <numerusform>選択中の %n 件はすでに設定済みのため、そのままです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/retag_dialog.py" line="94"/>
        <source>%n of them change category with the kind; their resolution timers follow the new category.</source>
        <translation>
            <numerusform>うち %n 件は種類に合わせてカテゴリも変わります。解決タイマーは新しいカテゴリに従います。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="115"/>
        <source>The selected tickets already have {0}.</source>
        <translation>選択したチケットにはすでに {0} が設定されています。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/retag_dialog.py" line="141"/>
        <source>%n ticket(s) re-tagged; these could not be:</source>
        <translation>
            <numerusform>%n 件のタグを変更しました。次のチケットは変更できませんでした:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../cre_desk/gui/best_practice_card.py" line="33"/>
        <source>Best practice</source>
        <translation>ベストプラクティス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/best_practice_card.py" line="44"/>
        <source>The team&apos;s card: article #%1, edited in the Articles window.</source>
        <translation>チームのカード: 記事 #%1（記事ウィンドウで編集できます）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/best_practice_card.py" line="48"/>
        <source>Shipped with CRE Desk. Articles → Add starter cards makes it the team&apos;s to edit.</source>
        <translation>CRE Desk 同梱の内容です。記事 → スターターカードを追加 でチームが編集できる記事になります。</translation>
    </message>
</context>
<context>
    <name>CardLinks</name>
    <message>
        <location filename="../../cre_desk/gui/best_practice_card.py" line="112"/>
        <source>Best practice: %1</source>
        <translation>ベストプラクティス: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/best_practice_card.py" line="113"/>
        <source>Open the team&apos;s best-practice card for this feature</source>
        <translation>この機能のベストプラクティスカードを開きます</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../cre_desk/gui/checklist_model.py" line="89"/>
        <source>Possible cause</source>
        <translation>考えられる原因</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_model.py" line="89"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_model.py" line="122"/>
        <source>{0} of {1} checked</source>
        <translation>{1} 件中 {0} 件確認済み</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="73"/>
        <source>%v of %m causes checked</source>
        <translation>原因 %m 件中 %v 件を確認済み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="118"/>
        <source>Evidence: what you checked and what you saw (log lines, dashboard settings, test results).</source>
        <translation>根拠：確認した内容と結果（ログの行、管理画面の設定、テスト結果）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="120"/>
        <source>Next unchecked cause</source>
        <translation>次の未確認の原因</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="122"/>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="134"/>
        <source>Question</source>
        <translation>確認事項</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="136"/>
        <source>How to verify</source>
        <translation>確認方法</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="138"/>
        <source>If this is the cause, the customer hears</source>
        <translation>これが原因の場合のお客様向け説明</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="140"/>
        <source>Log lines to look for</source>
        <translation>確認するログ行</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="157"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="159"/>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="236"/>
        <source>Every cause has a verdict.</source>
        <translation>すべての原因に判定が付いています。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="261"/>
        <source>Choose a cause on the left.</source>
        <translation>左の一覧から原因を選んでください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="285"/>
        <location filename="../../cre_desk/gui/checklist_view.py" line="357"/>
        <source>Not saved: your text is kept; press Ctrl+S to try again</source>
        <translation>未保存: 入力した内容は保持されています。Ctrl+S でもう一度保存してください</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="298"/>
        <source>Editing…</source>
        <translation>編集中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="328"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="347"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="353"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="360"/>
        <source>Someone else changed this cause while you were editing.

Their verdict: {0}
Their evidence:
{1}

Your evidence is still in the editor; reload the ticket to merge.</source>
        <translation>編集中に他のメンバーがこの原因を変更しました。

相手の判定: {0}
相手の根拠:
{1}

あなたの根拠は編集欄に残っています。チケットを再読み込みして統合してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/checklist_view.py" line="363"/>
        <source>Saved by someone else</source>
        <translation>他のメンバーが保存</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.ui" line="14"/>
        <source>Saved by someone else</source>
        <translation>他のメンバーが保存</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.ui" line="20"/>
        <source>A teammate saved this ticket while you were editing it. Compare the two versions, then keep yours (saved on top of theirs) or take theirs.</source>
        <translation>編集中にチームメンバーがこのチケットを保存しました。2 つの版を比べて、自分の版を残す（相手の版に上書き保存）か、相手の版を採用してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="73"/>
        <source>Keep mine</source>
        <translation>自分の版を残す</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="74"/>
        <source>Take theirs</source>
        <translation>相手の版を採用</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="14"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="15"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="16"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="17"/>
        <source>Requester</source>
        <translation>問い合わせ者</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="18"/>
        <source>Requester role</source>
        <translation>問い合わせ者の役割</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="19"/>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="20"/>
        <source>OS version</source>
        <translation>OS バージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="21"/>
        <source>SDK</source>
        <translation>SDK</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="22"/>
        <source>SDK version</source>
        <translation>SDK バージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="23"/>
        <source>App version</source>
        <translation>アプリバージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="24"/>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="25"/>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="26"/>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="27"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="28"/>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="29"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="30"/>
        <source>What they asked</source>
        <translation>お問い合わせ内容</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="31"/>
        <source>What they are really trying to achieve</source>
        <translation>本当に実現したいこと</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="32"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="52"/>
        <source>Yours:</source>
        <translation>あなた：</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/conflict_dialog.py" line="53"/>
        <source>Theirs:</source>
        <translation>相手：</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../../cre_desk/gui/damaged_dialog.py" line="31"/>
        <source>Restore backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/damaged_dialog.py" line="32"/>
        <source>Start empty</source>
        <translation>空の状態で開始</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_dialog.ui" line="14"/>
        <source>Database damaged</source>
        <translation>データベースの破損</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_dialog.ui" line="34"/>
        <source>CRE Desk&apos;s database file is damaged: {0}.

The damaged file will be moved aside and kept, not deleted.</source>
        <translation>CRE Desk のデータベースファイルが破損しています: {0}。

破損したファイルは削除せず、別名で退避して保管します。</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_dialog.ui" line="49"/>
        <source>No usable backup was found, so a new empty database will be started.</source>
        <translation>使用できるバックアップが見つからないため、新しい空のデータベースで開始します。</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_dialog.ui" line="62"/>
        <source>Restore the newest good backup ({0})?</source>
        <translation>最新の正常なバックアップ（{0}）から復元しますか？</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/dashboard.ui" line="14"/>
        <source>Resolution dashboard</source>
        <translation>解決時間ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="67"/>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="67"/>
        <source>Last 4 weeks</source>
        <translation>過去 4 週間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="68"/>
        <source>Last 13 weeks</source>
        <translation>過去 13 週間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="68"/>
        <source>Last 12 months</source>
        <translation>過去 12 か月</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="68"/>
        <source>Custom</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="62"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="82"/>
        <source>Export CSV…</source>
        <translation>CSV に書き出す…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="84"/>
        <location filename="../../cre_desk/gui/dashboard.py" line="107"/>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="84"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="84"/>
        <location filename="../../cre_desk/gui/dashboard.py" line="108"/>
        <source>Engineer</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="85"/>
        <source>SDK</source>
        <translation>SDK</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="85"/>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="88"/>
        <source>Resolved</source>
        <translation>解決数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="88"/>
        <source>Median h</source>
        <translation>中央値
（時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="89"/>
        <source>p90 h</source>
        <translation>p90
（時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="89"/>
        <source>1st reply h</source>
        <translation>初回応答
（時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="89"/>
        <source>In target</source>
        <translation>目標内</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="90"/>
        <source>Target h</source>
        <translation>目標
（時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="91"/>
        <source>Median business hours to resolution</source>
        <translation>解決までの営業時間の中央値</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="92"/>
        <source>90% of tickets were resolved within this many business hours</source>
        <translation>90% のチケットがこの営業時間以内に解決しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="93"/>
        <source>Median business hours to the first reply</source>
        <translation>初回応答までの営業時間の中央値</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="94"/>
        <source>Share of tickets resolved within their target</source>
        <translation>目標時間内に解決したチケットの割合</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="95"/>
        <source>The category&apos;s target, in business hours</source>
        <translation>区分ごとの目標（営業時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="101"/>
        <source>Weekly median resolution (business hours)</source>
        <translation>週ごとの解決時間の中央値（営業時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="102"/>
        <source>Paused time by reason (business hours)</source>
        <translation>理由別の保留時間（営業時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="103"/>
        <source>Business hours paused, by reason: tickets resolved in the period and tickets still open, whose pauses count up to now</source>
        <translation>一時停止した営業時間（理由別）：期間内に解決したチケットと、まだ未解決のチケット（現在までの停止時間）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="107"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="107"/>
        <source>Ticket</source>
        <translation>チケット</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="vanished">期限</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="108"/>
        <source>Due</source>
        <translation>残り・超過</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="22"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="130"/>
        <source>Open tickets past or near their target (double-click to open)</source>
        <translation>目標を過ぎた・過ぎそうな未解決チケット（ダブルクリックで開く）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="187"/>
        <source>The period ends before it starts.</source>
        <translation>期間の終わりが始まりより前になっています。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="189"/>
        <source>Computing…</source>
        <translation>集計中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/dashboard.py" line="197"/>
        <source>%n ticket(s) resolved</source>
        <translation>
            <numerusform>解決 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="202"/>
        <source>{0}: median {1} h (target {2} h), {3} within target</source>
        <translation>{0}: 中央値 {1} 時間（目標 {2} 時間）、目標内 {3}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="204"/>
        <source>{0} open, {1} paused, {2} at risk, {3} past target</source>
        <translation>未解決 {0} 件、保留 {1} 件、期限間近 {2} 件、目標超過 {3} 件</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="234"/>
        <source>past target</source>
        <translation>目標超過</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="234"/>
        <source>at risk</source>
        <translation>期限間近</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="298"/>
        <source>Customer log</source>
        <translation>お客様のログ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="298"/>
        <source>Engineering</source>
        <translation>開発チーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="299"/>
        <source>App release</source>
        <translation>アプリリリース</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="299"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="312"/>
        <source>Export figures</source>
        <translation>集計を書き出す</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="314"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="325"/>
        <source>Exported to {0}</source>
        <translation>{0} に書き出しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/dashboard.py" line="248"/>
        <source>Deadline: {0}</source>
        <translation>期限：{0}</translation>
    </message>
</context>
<context>
    <name>FeedbackDashboardView</name>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="78"/>
        <source>Product-feedback dashboard</source>
        <translation>プロダクトフィードバック ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="82"/>
        <source>Last 4 weeks</source>
        <translation>直近4週間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="83"/>
        <source>Last 13 weeks</source>
        <translation>直近13週間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="84"/>
        <source>Last 26 weeks</source>
        <translation>直近26週間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="85"/>
        <source>Last 12 months</source>
        <translation>直近12か月</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="86"/>
        <source>Custom</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="98"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="100"/>
        <source>Teams…</source>
        <translation>チーム…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="101"/>
        <source>Edit the product teams and what belongs to each</source>
        <translation>プロダクトチームと各チームの担当範囲を編集します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="103"/>
        <source>Customer-voice report…</source>
        <translation>お客様の声レポート…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="105"/>
        <source>Save the customer-voice report of the quarter the period ends in</source>
        <translation>期間の終わりを含む四半期のお客様の声レポートを保存します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="121"/>
        <source>Weekly tickets by team</source>
        <translation>チーム別の週ごとの件数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="122"/>
        <source>Weekly tickets by kind</source>
        <translation>種類別の週ごとの件数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="128"/>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="128"/>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="132"/>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="136"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="128"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="128"/>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="132"/>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="136"/>
        <source>Tickets</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="128"/>
        <source>Usual per week</source>
        <translation>通常の週あたり件数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="132"/>
        <source>Feature</source>
        <translation>機能</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="132"/>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="136"/>
        <source>Customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="136"/>
        <source>Request, bug or confusion</source>
        <translation>要望・不具合・分かりにくさ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="140"/>
        <source>Anomalies</source>
        <translation>急増</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="141"/>
        <source>Unclear or hidden features</source>
        <translation>分かりにくい・知られていない機能</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="142"/>
        <source>Items with most customers</source>
        <translation>顧客数の多い項目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="155"/>
        <source>Select a cell or a row to see its tickets (double-click opens)</source>
        <translation>セルか行を選ぶとチケットが表示されます（ダブルクリックで開く）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="159"/>
        <source>Ticket</source>
        <translation>チケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="164"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="176"/>
        <source>Tickets by team and kind</source>
        <translation>チーム×種類別のチケット数</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="193"/>
        <source>Merge selected items</source>
        <translation>選択した項目を統合</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="194"/>
        <source>Select two or more items (Ctrl+click) that are the same request: they become one, keeping every ticket</source>
        <translation>同じ要望を指す項目を2つ以上選んでください（Ctrl+クリック）。1つに統合され、チケットはすべて残ります</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="278"/>
        <source>The period ends before it starts.</source>
        <translation>期間の終わりが始まりより前です。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="280"/>
        <source>Computing…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="298"/>
        <source>(no team)</source>
        <translation>（チームなし）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="307"/>
        <source>{0} tickets · {1} unclear or hidden features · anomalies: {2}</source>
        <translation>{0} 件 · 分かりにくい・知られていない機能 {1} 件 · 急増: {2}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="317"/>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="322"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="331"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="348"/>
        <source>All tickets</source>
        <translation>すべてのチケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="354"/>
        <source>{0} · {1}, week of {2}</source>
        <translation>{0} · {1}（{2} の週）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="380"/>
        <source>(not linked to a feature)</source>
        <translation>（機能に未紐付け）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="453"/>
        <source>{0}: {1} ticket(s)</source>
        <translation>{0}: {1} 件</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="499"/>
        <source>Select two or more items in “Items with most customers” to merge.</source>
        <translation>統合するには「顧客数の多い項目」で2つ以上の項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="502"/>
        <source>Merge {0} item(s) into “{1}”? Their tickets will all be linked to it.</source>
        <translation>{0} 件の項目を「{1}」に統合しますか？ それらのチケットはすべて統合先に紐付きます。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="540"/>
        <source>Save the customer-voice report</source>
        <translation>お客様の声レポートを保存</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="542"/>
        <source>Web page (*.html);;Markdown (*.md);;CSV (*.csv)</source>
        <translation>Webページ (*.html);;Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="564"/>
        <source>Saved the customer-voice report to {0}</source>
        <translation>お客様の声レポートを {0} に保存しました</translation>
    </message>
</context>
<context>
    <name>FeedbackTagsBox</name>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="61"/>
        <source>Product feedback</source>
        <translation>プロダクトフィードバック</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="70"/>
        <source>Ctrl+Alt+1 … Ctrl+Alt+6 choose and confirm a kind</source>
        <translation>Ctrl+Alt+1 … Ctrl+Alt+6 で種類を選んで確定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="76"/>
        <source>Accept suggestion</source>
        <translation>提案を採用</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="77"/>
        <source>Store the suggested team and kind (Ctrl+Alt+0)</source>
        <translation>提案されたチームと種類を保存します (Ctrl+Alt+0)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="79"/>
        <source>Confirm</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="80"/>
        <source>Store the team and kind chosen above</source>
        <translation>上で選んだチームと種類を保存します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="85"/>
        <source>Link to request or bug…</source>
        <translation>要望・不具合に紐付け…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="89"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="90"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="150"/>
        <source>(no team)</source>
        <translation>（チームなし）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="158"/>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="167"/>
        <source>no team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="160"/>
        <source>Suggested: {0} · {1}</source>
        <translation>提案: {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="164"/>
        <source>someone</source>
        <translation>誰か</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="166"/>
        <source>✓ Confirmed by {0}: {1} · {2}</source>
        <translation>✓ {0} が確定: {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="171"/>
        <source>Not confirmed yet</source>
        <translation>未確定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="176"/>
        <source>Linked:</source>
        <translation>紐付け:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="178"/>
        <source>Not linked to a shared request or bug.</source>
        <translation>共有の要望・不具合には紐付いていません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="201"/>
        <source>Changing the category first…</source>
        <translation>先にカテゴリを変更しています…</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="29"/>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="30"/>
        <source>OS version</source>
        <translation>OS バージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="31"/>
        <source>SDK</source>
        <translation>SDK</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="32"/>
        <source>SDK version</source>
        <translation>SDK バージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="33"/>
        <source>App version</source>
        <translation>アプリのバージョン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="34"/>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="35"/>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="42"/>
        <source>Zendesk: custom_fields.ID, with the field&apos;s ID from Admin Center → Objects and rules → Tickets → Fields (e.g. custom_fields.360001234).</source>
        <translation>Zendesk: custom_fields.ID（ID は管理センター → オブジェクトとルール → チケット → フィールドに表示されます。例: custom_fields.360001234）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="48"/>
        <source>Intercom: custom_attributes.NAME, with the conversation data attribute&apos;s name as shown in Settings (e.g. custom_attributes.SDK version).</source>
        <translation>Intercom: custom_attributes.名前（設定に表示される会話データ属性の名前。例: custom_attributes.SDK version）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="54"/>
        <source>Freshdesk: custom_fields.cf_NAME, the field&apos;s API name from Admin → Ticket Fields (e.g. custom_fields.cf_sdk_version).</source>
        <translation>Freshdesk: custom_fields.cf_名前（管理 → チケットフィールドにある API 名。例: custom_fields.cf_sdk_version）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="60"/>
        <source>Help Scout: customFields.NAME or customFields.ID of the mailbox&apos;s custom field (e.g. customFields.Platform).</source>
        <translation>Help Scout: メールボックスのカスタムフィールドの customFields.名前 または customFields.ID（例: customFields.Platform）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="71"/>
        <source>Field mapping</source>
        <translation>項目の対応付け</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="75"/>
        <source>CRE Desk field</source>
        <translation>CRE Desk の項目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="75"/>
        <source>Helpdesk field</source>
        <translation>ヘルプデスクの項目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="88"/>
        <source>Each import fills these fields from the helpdesk. A value you edit here is kept; values that fit none of our choices (an unknown platform) are left out.</source>
        <translation>取り込みのたびにヘルプデスクからこれらの項目を埋めます。こちらで編集した値は残ります。どの選択肢にも当てはまらない値（未知のプラットフォームなど）は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="96"/>
        <source>Send symptom and category to the helpdesk as tags</source>
        <translation>症状とカテゴリをタグとしてヘルプデスクに送る</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/field_mapping_dialog.py" line="98"/>
        <source>Adds tags such as cre-symptom-push_not_delivered and cre-category-bug at each sync, so the helpdesk&apos;s reports can use them</source>
        <translation>同期のたびに cre-symptom-push_not_delivered や cre-category-bug などのタグを付け、ヘルプデスクのレポートで使えるようにします</translation>
    </message>
</context>
<context>
    <name>HelpdeskBox</name>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="42"/>
        <source>Helpdesk</source>
        <translation>ヘルプデスク</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="53"/>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="142"/>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="153"/>
        <source>Keep mine</source>
        <translation>こちらの値を残す</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="55"/>
        <source>Keep this ticket&apos;s values; they are sent to the helpdesk at the next sync</source>
        <translation>このチケットの値を残します。次回の同期でヘルプデスクに送られます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="58"/>
        <source>Take the helpdesk&apos;s</source>
        <translation>ヘルプデスクの値にする</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="59"/>
        <source>Replace this ticket&apos;s values with the helpdesk&apos;s</source>
        <translation>このチケットの値をヘルプデスクの値で置き換えます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="83"/>
        <source>Title and requester follow {0}; so do mapped fields (platform, SDK…) unless you edit them here. Status, assignee, tags and priority changed here are sent to {0} at the next sync. A field changed in both places is kept as it is here and shown below; nothing is overwritten until you choose.</source>
        <translation>件名と依頼者は {0} の内容に従います。対応付けた項目（プラットフォーム・SDK など）も、こちらで編集しない限り {0} に従います。ここで変更したステータス・担当者・タグ・優先度は次回の同期で {0} に送られます。両方で変更された項目はこちらの値のまま下に表示され、選ぶまで上書きされません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="91"/>
        <source>Intercom&apos;s API cannot set a conversation&apos;s priority: priority set here stays here.</source>
        <translation>Intercom の API では会話の優先度を変更できないため、ここで設定した優先度はこちらにだけ残ります。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="94"/>
        <source>Help Scout has no priority: priority set here stays here.</source>
        <translation>Help Scout には優先度がないため、ここで設定した優先度はこちらにだけ残ります。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="95"/>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="145"/>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="154"/>
        <source>Take {0}&apos;s</source>
        <translation>{0} の値を使う</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="110"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="110"/>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="111"/>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="115"/>
        <source>nobody</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="122"/>
        <source>{0}: {1} here, {2} in {3}</source>
        <translation>{0}: こちらは {1}、{3} では {2}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="124"/>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="155"/>
        <source>the helpdesk</source>
        <translation>ヘルプデスク</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="152"/>
        <source>Changed in both places:</source>
        <translation>両方で変更されています:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="153"/>
        <source>Keep all mine</source>
        <translation>すべてこちらの値を残す</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/helpdesk_box.py" line="154"/>
        <source>Take all of {0}&apos;s</source>
        <translation>すべて {0} の値を使う</translation>
    </message>
    <message>
        <source>Title and requester follow {0}; so do mapped fields (platform, SDK…) unless you edit them here. Status, tags and priority changed here are sent to {0} at the next sync. A field changed in both places is kept as it is here and shown below; nothing is overwritten until you choose.</source>
        <translation type="vanished">件名と依頼者は {0} の内容に従います。対応付けた項目（プラットフォーム・SDK など）も、こちらで編集しない限り {0} に従います。ここで変更したステータス・タグ・優先度は次回の同期で {0} に送られます。両方で変更された項目はこちらの値のまま下に表示され、選ぶまで上書きされません。</translation>
    </message>
    <message>
        <source>Changed in both places: {0}.</source>
        <translation type="vanished">両方で変更されています: {0}。</translation>
    </message>
</context>
<context>
    <name>IntercomPublisher</name>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="30"/>
        <source>Save to &amp;Intercom…</source>
        <translation>Intercom に保存(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="31"/>
        <source>Create or update this article as a draft in Intercom Articles; someone publishes it there</source>
        <translation>この記事を Intercom Articles に下書きとして作成・更新します。公開は Intercom 側で行います</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="86"/>
        <source>Not in Intercom yet</source>
        <translation>Intercom にはまだありません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="88"/>
        <source>Edited in Intercom since saved here: %1</source>
        <translation>ここから保存した後に Intercom で編集されています: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="90"/>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="154"/>
        <source>In Intercom: %1</source>
        <translation>Intercom: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="94"/>
        <source>Intercom could not be checked: %1</source>
        <translation>Intercom を確認できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="97"/>
        <source>article %1</source>
        <translation>記事 %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="105"/>
        <source>Intercom Articles</source>
        <translation>Intercom Articles</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="106"/>
        <source>Collection id (0: none):</source>
        <translation>コレクション ID(0: なし):</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="116"/>
        <source>Save the article first.</source>
        <translation>先に記事を保存してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="120"/>
        <source>Connect an Intercom account first (File → Accounts).</source>
        <translation>先に Intercom アカウントを接続してください(ファイル → アカウント)。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="130"/>
        <source>Update the draft of article #%1 in Intercom (%2)?</source>
        <translation>Intercom の記事 #%1 の下書きを更新しますか(%2)?</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="131"/>
        <source>Create article #%1 as a draft in Intercom (%2)?</source>
        <translation>記事 #%1 を Intercom に下書きとして作成しますか(%2)?</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="148"/>
        <source>Saving to Intercom…</source>
        <translation>Intercom に保存しています…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="161"/>
        <source>Edited in Intercom since saved here</source>
        <translation>ここから保存した後に Intercom で編集されています</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="163"/>
        <source>The article was edited in Intercom since it was saved from here. Replace the Intercom copy with this one?</source>
        <translation>ここから保存した後に、この記事は Intercom で編集されました。Intercom 側の内容をこちらで置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="168"/>
        <source>Published in Intercom</source>
        <translation>Intercom で公開中</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/intercom_publish.py" line="170"/>
        <source>This article is published in Intercom: customers would see the new text at once. Replace the live article?</source>
        <translation>この記事は Intercom で公開中です。保存するとお客様にすぐ新しい内容が表示されます。公開中の記事を置き換えますか?</translation>
    </message>
</context>
<context>
    <name>IssueLinksBox</name>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="48"/>
        <source>GitHub issues</source>
        <translation>GitHub の Issue</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="53"/>
        <source>owner/repo#123 or issue URL</source>
        <translation>owner/repo#123 または Issue の URL</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="55"/>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="62"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="64"/>
        <source>Draft customer notice</source>
        <translation>お客様へのお知らせを下書き</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="66"/>
        <source>Unlink</source>
        <translation>リンク解除</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="68"/>
        <source>New issue…</source>
        <translation>Issue を作成…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="69"/>
        <source>File an issue for the SDK team with this ticket&apos;s evidence</source>
        <translation>このチケットの根拠を添えて SDK チーム向けの Issue を作成します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="71"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="98"/>
        <source>closed ({0})</source>
        <translation>クローズ（{0}）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="98"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="100"/>
        <source>open</source>
        <translation>オープン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="102"/>
        <source>deleted on GitHub</source>
        <translation>GitHub で削除済み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="104"/>
        <source>not found, or this token may not see it</source>
        <translation>見つからないか、このトークンでは見られません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="106"/>
        <source>not checked yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="154"/>
        <source>Add a GitHub account first (File → Accounts).</source>
        <translation>先に GitHub のアカウントを追加してください（ファイル → アカウント）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="156"/>
        <source>New GitHub issue</source>
        <translation>GitHub の Issue を作成</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="156"/>
        <source>Repository (owner/repo):</source>
        <translation>リポジトリ（owner/repo）:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="174"/>
        <source>GitHub issues — {0}</source>
        <translation>GitHub の Issue — {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="183"/>
        <source>Only GitHub addresses of your accounts are opened from here.</source>
        <translation>ここから開けるのは、登録済みアカウントの GitHub アドレスだけです。</translation>
    </message>
    <message>
        <source>Only github.com addresses are opened from here.</source>
        <translation type="vanished">ここから開けるのは github.com のアドレスのみです。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/issue_links.py" line="185"/>
        <source>Open this address in your browser?
{0}</source>
        <translation>このアドレスをブラウザーで開きますか？
{0}</translation>
    </message>
</context>
<context>
    <name>ItemPickerDialog</name>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="270"/>
        <source>Link to a shared request or bug</source>
        <translation>共有の要望・不具合に紐付け</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="272"/>
        <source>Filter existing items</source>
        <translation>既存の項目を絞り込み</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="281"/>
        <source>Request</source>
        <translation>要望</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="281"/>
        <source>Bug</source>
        <translation>不具合</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="281"/>
        <source>Confusion</source>
        <translation>分かりにくさ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="286"/>
        <source>…or a new item</source>
        <translation>…または新しい項目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="288"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="289"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="290"/>
        <source>GitHub issue</source>
        <translation>GitHub Issue</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="291"/>
        <source>Create and link</source>
        <translation>作成して紐付け</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_tags.py" line="314"/>
        <source>{0}  ·  {1} customers, {2} tickets</source>
        <translation>{0}  ·  顧客 {1} 社、{2} 件</translation>
    </message>
</context>
<context>
    <name>LogLinesModel</name>
    <message>
        <location filename="../../cre_desk/gui/log_model.py" line="148"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_model.py" line="148"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_model.py" line="179"/>
        <source>Marked: {0}</source>
        <translation>マーク: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_model.py" line="179"/>
        <source>(no note)</source>
        <translation>（メモなし）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_model.py" line="181"/>
        <source>Finding {0} (area {1})</source>
        <translation>検出 {0}（領域 {1}）</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="90"/>
        <source>Filter, e.g.  tag:Braze level:W  -message:chatty  (Ctrl+Shift+F)</source>
        <extracomment>The filter and search boxes keep at least this width; the options beside them wrap below instead. Rows appended at once while indexing, then at most every GROW_INTERVAL_S seconds.</extracomment>
        <translation>フィルター 例： tag:Braze level:W  -message:chatty （Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="95"/>
        <source>Presets</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="106"/>
        <source>Search (Ctrl+F), Enter for next</source>
        <translation>検索（Ctrl+F）、Enter で次へ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="111"/>
        <source>Regular expression (RE2 syntax)</source>
        <translation>正規表現（RE2 構文）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="113"/>
        <source>Match case</source>
        <translation>大文字と小文字を区別</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="114"/>
        <source>Compact</source>
        <translation>簡易表示</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="115"/>
        <source>Show time, level, tag and message only (hide date, process and thread ids)</source>
        <translation>時刻・レベル・タグ・メッセージのみ表示（日付・プロセス ID・スレッド ID を隠す）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="121"/>
        <source>Previous hit (Shift+F3)</source>
        <translation>前の一致（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="122"/>
        <source>Next hit (F3)</source>
        <translation>次の一致（F3）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="150"/>
        <source>The selected line, in full.</source>
        <translation>選択した行の全文。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="vanished">検索</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="221"/>
        <source>Filter</source>
        <translation>フィルター</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="223"/>
        <source>Next hit</source>
        <translation>次の一致</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="224"/>
        <source>Previous hit</source>
        <translation>前の一致</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="225"/>
        <source>Go to line…</source>
        <translation>指定行へ移動…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="226"/>
        <source>Jump to time…</source>
        <translation>指定時刻へ移動…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="227"/>
        <source>Mark line</source>
        <translation>行にマーク</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="228"/>
        <location filename="../../cre_desk/gui/log_pane.py" line="657"/>
        <source>Copy lines</source>
        <translation>行をコピー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="292"/>
        <source>The log could not be read: {0}</source>
        <translation>ログを読み込めませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="331"/>
        <source>No log open.</source>
        <translation>ログが開かれていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_pane.py" line="333"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_pane.py" line="336"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n エントリ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_pane.py" line="338"/>
        <source>%n unparsed</source>
        <translation>
            <numerusform>解析できない行 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_pane.py" line="340"/>
        <source>%n undecodable character(s) replaced</source>
        <translation>
            <numerusform>読み取れない文字 %n 個を置換</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="342"/>
        <source>indexing…</source>
        <translation>索引作成中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="370"/>
        <source>Filter not understood</source>
        <translation>フィルターを解釈できません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="373"/>
        <source>Filter applies when indexing ends</source>
        <translation>索引の作成が終わるとフィルターが適用されます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="385"/>
        <source>Filtering…</source>
        <translation>フィルター適用中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="396"/>
        <source>Filter failed: {0}</source>
        <translation>フィルターに失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="422"/>
        <source>{0} of {1} lines</source>
        <translation>{1} 行中 {0} 行</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="433"/>
        <source>Verbose</source>
        <translation>Verbose（詳細）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="433"/>
        <source>Debug</source>
        <translation>Debug（デバッグ）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="433"/>
        <source>Info</source>
        <translation>Info（情報）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="434"/>
        <source>Warning</source>
        <translation>Warning（警告）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="434"/>
        <source>Error</source>
        <translation>Error（エラー）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="434"/>
        <source>Fatal</source>
        <translation>Fatal（致命的）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="435"/>
        <source>No line matches this filter. Clear the filter box to see every line again.</source>
        <translation>このフィルターに一致する行はありません。フィルター欄を空にすると、すべての行が再び表示されます。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="438"/>
        <source>“-level:{0}” hides every level from {1} up (as in Logcat).</source>
        <translation>「-level:{0}」は {1} 以上のすべてのレベルを隠します（Logcat と同じ動作です）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="440"/>
        <source>To hide only Verbose lines, use “level:D”.</source>
        <translation>Verbose の行だけを隠すには「level:D」を使ってください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="442"/>
        <source>To hide only {1} lines, use “-level=:{0}”; to keep {1} and above, use “level:{0}”.</source>
        <translation>{1} の行だけを隠すには「-level=:{0}」、{1} 以上だけを表示するには「level:{0}」を使ってください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="458"/>
        <source>Save current filter…</source>
        <translation>現在のフィルターを保存…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="462"/>
        <source>Save filter</source>
        <translation>フィルターを保存</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="462"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="473"/>
        <location filename="../../cre_desk/gui/log_pane.py" line="493"/>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="502"/>
        <source>Search failed: {0}</source>
        <translation>検索に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="524"/>
        <source>No hits</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="529"/>
        <source>{0} / {1} lines</source>
        <translation>{0} / {1} 行</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="590"/>
        <source>Go to line</source>
        <translation>指定行へ移動</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="590"/>
        <source>Line number:</source>
        <translation>行番号:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="598"/>
        <source>Jump to time</source>
        <translation>指定時刻へ移動</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="599"/>
        <source>Time (HH:MM:SS, or YYYY-MM-DD HH:MM:SS):</source>
        <translation>時刻（HH:MM:SS または YYYY-MM-DD HH:MM:SS）:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="602"/>
        <source>No line at or after {0}.</source>
        <translation>{0} 以降の行はありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="658"/>
        <source>Remove mark</source>
        <translation>マークを外す</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="658"/>
        <source>Mark line… (Ctrl+M)</source>
        <translation>行にマーク…（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="660"/>
        <source>Quote as checklist evidence…</source>
        <translation>チェックリストの根拠として引用…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="661"/>
        <source>Align the other log here</source>
        <translation>もう一方のログをこの行に合わせる</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="665"/>
        <source>Show only tag “{0}”</source>
        <translation>タグ「{0}」のみ表示</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="667"/>
        <source>Hide tag “{0}”</source>
        <translation>タグ「{0}」を隠す</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_pane.py" line="670"/>
        <source>Show only process {0}</source>
        <translation>プロセス {0} のみ表示</translation>
    </message>
</context>
<context>
    <name>LogRequestDialog</name>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="41"/>
        <source>Request a log</source>
        <translation>ログを依頼</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="44"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="45"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="56"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="57"/>
        <source>Written for</source>
        <translation>読み手</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="58"/>
        <source>Send it through the helpdesk; the ticket then waits for the customer&apos;s log.</source>
        <translation>ヘルプデスクから送信してください。チケットはお客様のログ待ちになります。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="60"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="62"/>
        <source>Copy and &amp;wait for the log</source>
        <translation>コピーしてログ待ちにする(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_request_dialog.py" line="80"/>
        <source>Replace your edits with a new draft?</source>
        <translation>編集した内容を新しい下書きで置き換えますか？</translation>
    </message>
</context>
<context>
    <name>LogWorkbench</name>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="132"/>
        <source>Scroll together by time</source>
        <extracomment>Notices about the attached files shown at once (one line each); the rest are counted.</extracomment>
        <translation>時刻でスクロールを同期</translation>
    </message>
    <message>
        <source>No logs attached. Drop log files (.log, .txt, .gz, .zip) on the Overview tab to attach them.</source>
        <translation type="vanished">ログが添付されていません。概要タブにログファイル（.log、.txt、.gz、.zip）をドロップして添付してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="148"/>
        <source>Finding</source>
        <translation>検出内容</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="148"/>
        <source>Area</source>
        <translation>領域</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="148"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="160"/>
        <source>Accept as evidence</source>
        <translation>根拠として採用</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="161"/>
        <source>Quote the finding&apos;s lines in the checklist items it points at and mark them suspected</source>
        <translation>検出した行を該当するチェックリスト項目に引用し、「疑いあり」にします</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="164"/>
        <source>Dismiss</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="188"/>
        <source>Ctrl+M marks the current line. Double-click a mark to go to it; right-click a line to quote it as checklist evidence.</source>
        <translation>Ctrl+M で現在の行にマークします。マークをダブルクリックするとその行へ移動し、行を右クリックするとチェックリストの根拠として引用できます。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="280"/>
        <source>Choose a log or a known-good baseline in “Compare with” to see what is missing.</source>
        <translation>「比較対象」でログまたは正常なベースラインを選ぶと、足りない手順がわかります。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="206"/>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="134"/>
        <source>No logs attached. Press Attach… or drop log files (.log, .txt, .gz, .zip) here.</source>
        <translation>ログが添付されていません。「添付…」を押すか、ログファイル (.log、.txt、.gz、.zip) をここにドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="137"/>
        <source>Attach…</source>
        <translation>添付…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="138"/>
        <source>Choose log files or archives to attach (Ctrl+Shift+A); you can also drop them on this tab</source>
        <translation>添付するログファイルやアーカイブを選びます (Ctrl+Shift+A)。このタブにドロップすることもできます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="207"/>
        <source>Marks</source>
        <translation>マーク</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="208"/>
        <source>Comparison</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="211"/>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="212"/>
        <source>Compare with</source>
        <translation>比較対象</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_workbench.py" line="314"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="369"/>
        <source>(nothing: one log)</source>
        <translation>（なし：ログ 1 件のみ）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="373"/>
        <source>Known-good: {0}</source>
        <translation>正常例: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="411"/>
        <source>Reading the log…</source>
        <translation>ログを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="426"/>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="459"/>
        <source>The log could not be analysed: {0}</source>
        <translation>ログを解析できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="469"/>
        <source>SDK: {0}</source>
        <translation>SDK: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="470"/>
        <source>No SDK facts found in this log.</source>
        <translation>このログには SDK の情報が見つかりません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="477"/>
        <source>(low confidence)</source>
        <translation>（確度低）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="479"/>
        <source>Suspected areas, strongest first: {0}</source>
        <translation>疑わしい領域（可能性の高い順）: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="483"/>
        <source>Why: {0}</source>
        <translation>理由: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="486"/>
        <source>No problem lines found by the rules.</source>
        <translation>ルールに該当する問題の行は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="490"/>
        <source>No decisive line in this log — ask for a verbose log from app start through the problem.</source>
        <translation>このログには決め手となる行がありません。アプリ起動から問題発生までの詳細ログを依頼してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="503"/>
        <source>Missing: {0}</source>
        <translation>欠落: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="504"/>
        <source>never seen</source>
        <translation>出現なし</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="504"/>
        <location filename="../../cre_desk/gui/log_workbench.py" line="768"/>
        <source>line {0}</source>
        <translation>{0} 行目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="548"/>
        <source>This finding does not point at a cause in this ticket&apos;s checklist. Mark its line (Ctrl+M) and quote it where it fits.</source>
        <translation>この検出結果は、このチケットのチェックリストの原因に対応していません。行にマークして（Ctrl+M）、適切な項目に引用してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="546"/>
        <source>[{0}] Expected line never appears: {1}</source>
        <translation>[{0}] 本来出力されるはずの行がありません: {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_workbench.py" line="557"/>
        <source>Quoted in %n checklist item(s).</source>
        <translation>
            <numerusform>チェックリスト %n 項目に引用しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="606"/>
        <source>Marks are kept on the ticket&apos;s own logs, not on baselines.</source>
        <translation>マークはチケットに添付されたログにのみ付けられます（ベースラインには付けられません）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="614"/>
        <source>Mark line {0}</source>
        <translation>{0} 行目にマーク</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="615"/>
        <source>Note (optional):</source>
        <translation>メモ（任意）:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="641"/>
        <source>Choose the ticket&apos;s symptom first: it gives the ticket its checklist.</source>
        <translation>先にチケットの症状を選んでください。症状に応じてチェックリストが作られます。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="649"/>
        <source>Quote as evidence</source>
        <translation>根拠として引用</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="650"/>
        <source>Which possible cause is line {0} evidence for?</source>
        <translation>{0} 行目はどの原因の根拠ですか？</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="665"/>
        <source>Open a second log in “Compare with” first.</source>
        <translation>先に「比較対象」で 2 つ目のログを開いてください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="670"/>
        <source>Select the matching line in the other log first, then align.</source>
        <translation>先にもう一方のログで対応する行を選んでから合わせてください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="674"/>
        <source>One of the two lines has no time stamp, so the logs cannot be aligned.</source>
        <translation>どちらかの行に時刻がないため、ログを合わせられません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="736"/>
        <source>The two logs could not be compared: {0}</source>
        <translation>2 つのログを比較できませんでした: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_workbench.py" line="743"/>
        <source>%n kind(s) of line only in this log</source>
        <translation>
            <numerusform>このログにだけある行: %n 種類</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_workbench.py" line="744"/>
        <source>%n only in the other log</source>
        <translation>
            <numerusform>もう一方のログにだけある行: %n 種類</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_workbench.py" line="748"/>
        <source>Only in this log (%n)</source>
        <translation>
            <numerusform>このログにのみある行（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/log_workbench.py" line="749"/>
        <source>Only in the other log (%n)</source>
        <translation>
            <numerusform>もう一方のログにのみある行（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="761"/>
        <location filename="../../cre_desk/gui/log_workbench.py" line="764"/>
        <source>Milestones</source>
        <translation>確認ポイント</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="769"/>
        <source>missing (area {0})</source>
        <translation>欠落（領域 {0}）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="778"/>
        <source>The first expected step missing from this log is “{0}”: start with checklist area {1}.</source>
        <translation>このログで最初に欠けている手順は「{0}」です。チェックリストの領域 {1} から確認してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/log_workbench.py" line="781"/>
        <source>Every expected step of the known-good log appears in this log.</source>
        <translation>正常なログにある手順はすべてこのログにも出ています。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="43"/>
        <source>CRE Desk</source>
        <extracomment>The first background sync runs this long after the workspace opens (the window is usable first). The status bar&apos;s last-sync line is cut to this many pixels (the whole text is in its tooltip).</extracomment>
        <translation>CRE Desk</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="51"/>
        <source>Opening your workspace…</source>
        <translation>ワークスペースを開いています…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="77"/>
        <source>&amp;New ticket</source>
        <translation>新規チケット(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="78"/>
        <source>Open a new ticket (Ctrl+N)</source>
        <translation>新規チケットを作成（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="79"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="79"/>
        <source>Save now (Ctrl+S)</source>
        <translation>今すぐ保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="80"/>
        <source>&amp;Find tickets</source>
        <translation>チケットを検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="81"/>
        <source>Search the queue (Ctrl+F)</source>
        <translation>キューを検索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="82"/>
        <source>Change &amp;status</source>
        <translation>ステータスを変更(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="83"/>
        <source>&amp;Refresh</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="85"/>
        <source>&amp;Attach files…</source>
        <translation>ファイルを添付(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="86"/>
        <source>Attach log files or archives to the open ticket (Ctrl+Shift+A)</source>
        <translation>開いているチケットにログファイルやアーカイブを添付します (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="88"/>
        <source>Request a &amp;log…</source>
        <translation>ログを依頼(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="89"/>
        <source>Ask the customer for a verbose log from app start, written for their SDK and platform</source>
        <translation>お客様の SDK とプラットフォームに合わせて、アプリ起動からの詳細ログを依頼します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="90"/>
        <source>Load &amp;demo workspace</source>
        <translation>デモワークスペースを読み込む(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="91"/>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="92"/>
        <source>&amp;Delete ticket</source>
        <translation>チケットを削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="94"/>
        <source>Re-&amp;tag selected tickets…</source>
        <translation>選択したチケットのタグを変更(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="95"/>
        <source>Set the product team and/or kind of the tickets selected in the queue</source>
        <translation>キューで選択したチケットのプロダクトチームや種類をまとめて設定します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="96"/>
        <source>&amp;Accounts…</source>
        <translation>アカウント(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="97"/>
        <source>Helpdesk and GitHub accounts (tokens stay in the system keyring)</source>
        <translation>ヘルプデスクと GitHub のアカウント（トークンはシステムのキーリングに保存）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="98"/>
        <location filename="../../cre_desk/gui/main_window.py" line="514"/>
        <source>S&amp;ync helpdesks</source>
        <translation>ヘルプデスクと同期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="99"/>
        <source>Import new and changed tickets from the helpdesk accounts</source>
        <translation>ヘルプデスクのアカウントから新規・更新チケットを取り込みます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="106"/>
        <source>Show &amp;Overview</source>
        <translation>概要を表示(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="106"/>
        <source>Show &amp;Checklist</source>
        <translation>チェックリストを表示(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="106"/>
        <source>Show &amp;Timeline</source>
        <translation>タイムラインを表示(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="107"/>
        <source>Show &amp;Logs</source>
        <translation>ログを表示(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="107"/>
        <source>Show &amp;Reply</source>
        <translation>返信を表示(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="110"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="111"/>
        <source>Every keyboard shortcut (F1)</source>
        <translation>すべてのキーボードショートカット (F1)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="114"/>
        <source>&amp;About CRE Desk</source>
        <translation>CRE Desk について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="139"/>
        <source>&amp;Product-feedback dashboard</source>
        <translation>プロダクトフィードバック ダッシュボード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="141"/>
        <source>Tickets by product team and kind, trends, anomalies and the most requested items</source>
        <translation>プロダクトチーム×種類別のチケット数、推移、急増、要望の多い項目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="469"/>
        <source>Add a helpdesk account first (File → Accounts).</source>
        <translation>先にヘルプデスクのアカウントを追加してください(ファイル → アカウント)。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="491"/>
        <source>Sync stopped</source>
        <translation>同期を停止しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="492"/>
        <source>Import stopped; the next one resumes where this one stopped.</source>
        <translation>取り込みを停止しました。次回は停止した所から再開します。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="570"/>
        <source>Settings saved.</source>
        <translation>設定を保存しました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="588"/>
        <source>The database&apos;s change log is {0} MiB and cannot shrink while another program or a long report reads the database.</source>
        <translation>データベースの変更ログが {0} MiB になっています。別のプログラムや時間のかかるレポートがデータベースを読んでいる間は小さくできません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="625"/>
        <source>Edits on ticket(s) {0} could not be saved (see the earlier message: is the disk full?). If you close now they are lost.

Close anyway?</source>
        <translation>チケット {0} の編集を保存できませんでした（先ほどのメッセージを参照: ディスクがいっぱいではありませんか？）。今閉じると失われます。

それでも閉じますか？</translation>
    </message>
    <message numerus="yes">
        <source>Show tab %n</source>
        <translation type="vanished">
            <numerusform>タブ %n を表示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="121"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="126"/>
        <source>&amp;Ticket</source>
        <translation>チケット(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="130"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="131"/>
        <source>Ticket &amp;queue</source>
        <translation>チケット一覧(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="132"/>
        <source>Show or hide the ticket queue (more room for logs)</source>
        <translation>チケット一覧の表示・非表示（ログを広く表示）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="136"/>
        <source>Resolution &amp;dashboard</source>
        <translation>解決時間ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="137"/>
        <source>Medians against targets, trends, pauses and tickets at risk</source>
        <translation>目標に対する中央値・推移・保留・期限間近のチケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="151"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="156"/>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="197"/>
        <source>team server</source>
        <translation>チームサーバー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="197"/>
        <source>local file</source>
        <translation>ローカルファイル</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="198"/>
        <source>Workspace: {0} ({1})</source>
        <translation>ワークスペース: {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="200"/>
        <source>Not synced yet</source>
        <translation>まだ同期していません</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="284"/>
        <source>Linked GitHub issues closed: {0}. Open the ticket to draft the customer notice.</source>
        <translation>リンクした GitHub の Issue がクローズされました: {0}。チケットを開いてお客様へのお知らせを下書きしてください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="407"/>
        <source>Delete ticket #{0} “{1}” and its checklist, history and attachments? This cannot be undone.</source>
        <translation>チケット #{0}「{1}」と、そのチェックリスト・履歴・添付ファイルを削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/main_window.py" line="425"/>
        <source>Loaded %n demo ticket(s).</source>
        <translation>
            <numerusform>デモチケットを %n 件読み込みました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="456"/>
        <source>Stopping the import…</source>
        <translation>取り込みを停止しています…</translation>
    </message>
    <message>
        <source>Add a Zendesk, Intercom, Freshdesk or Help Scout account first (File → Accounts).</source>
        <translation type="vanished">先に Zendesk、Intercom、Freshdesk、Help Scout のいずれかのアカウントを追加してください（ファイル → アカウント）。</translation>
    </message>
    <message>
        <source>Add a Zendesk or Intercom account first (File → Accounts).</source>
        <translation type="vanished">先に Zendesk または Intercom のアカウントを追加してください（ファイル → アカウント）。</translation>
    </message>
    <message>
        <source>stopped; the next import resumes where this one stopped</source>
        <translation type="vanished">停止しました。次回の取り込みは今回の続きから再開します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="497"/>
        <source>Import finished: {0}</source>
        <translation>取り込みが完了しました: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="504"/>
        <source>Stop the import</source>
        <translation>取り込みを停止</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="505"/>
        <source>Syncing {0} account(s)…</source>
        <translation>{0} 件のアカウントを同期中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="507"/>
        <source>Importing from {0} account(s)…</source>
        <translation>{0} 件のアカウントから取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="527"/>
        <source>Last sync {0} — {1} of {2} account(s) need attention. {3}</source>
        <translation>最終同期 {0} — {2} 件中 {1} 件のアカウントに対応が必要です。{3}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="530"/>
        <source>Last sync {0} — all {1} account(s) up to date</source>
        <translation>最終同期 {0} — {1} 件すべてのアカウントが最新です</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="568"/>
        <source>Settings saved. Language and database changes apply after a restart.</source>
        <translation>設定を保存しました。言語とデータベースの変更は再起動後に反映されます。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="145"/>
        <source>&amp;Articles</source>
        <translation>記事(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/main_window.py" line="146"/>
        <source>FAQ and best-practice articles, FAQ candidates and FAQ health</source>
        <translation>FAQ とベストプラクティスの記事、FAQ 候補、FAQ の効果</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="14"/>
        <source>New ticket</source>
        <translation>新規チケット</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="32"/>
        <source>e.g. Coupon message not shown after purchase</source>
        <translation>例：購入後にクーポンのメッセージが表示されない</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="130"/>
        <source>The customer&apos;s question, as they wrote it.</source>
        <translation>お客様が書いたとおりの質問。</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="22"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="39"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="52"/>
        <source>Requester</source>
        <translation>問い合わせ者</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="65"/>
        <source>Requester role</source>
        <translation>問い合わせ者の役割</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="78"/>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="91"/>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="104"/>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/new_ticket_dialog.ui" line="117"/>
        <source>What they asked</source>
        <translation>お問い合わせ内容</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/new_ticket_dialog.py" line="26"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/new_ticket_dialog.py" line="30"/>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/new_ticket_dialog.py" line="43"/>
        <source>Give the ticket a title.</source>
        <translation>チケットの件名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/new_ticket_dialog.py" line="46"/>
        <source>Choose the symptom: the checklist follows it.</source>
        <translation>症状を選んでください（チェックリストは症状に合わせて作られます）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/new_ticket_dialog.py" line="47"/>
        <source>Choose the category.</source>
        <translation>区分を選んでください。</translation>
    </message>
</context>
<context>
    <name>OverviewForm</name>
    <message>
        <location filename="../../ui/overview_form.ui" line="39"/>
        <source>Title: the customer&apos;s problem in a few words</source>
        <translation>件名：お客様の問題を短く</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="134"/>
        <source>e.g. Android 14</source>
        <translation>例：Android 14</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="223"/>
        <source>e.g. 30.4.0</source>
        <translation>例：30.4.0</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="30"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="31"/>
        <source>Normal</source>
        <translation>通常</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="32"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="33"/>
        <source>Urgent</source>
        <translation>緊急</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="315"/>
        <source>comma-separated, e.g. braze, android</source>
        <translation>カンマ区切り 例：braze, android</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="347"/>
        <source>Paste or summarise the customer&apos;s literal question.</source>
        <translation>お客様の質問をそのまま貼り付けるか、要約してください。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="366"/>
        <source>What outcome do they want? e.g. “show a coupon after the first purchase”</source>
        <translation>お客様が望む結果は？ 例：「初回購入後にクーポンを表示したい」</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="416"/>
        <source>Your working notes (not sent to the customer).</source>
        <translation>作業メモ（お客様には送信されません）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="133"/>
        <location filename="../../ui/overview_form.ui" line="59"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="72"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="85"/>
        <source>Requester</source>
        <translation>問い合わせ者</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="98"/>
        <source>Requester role</source>
        <translation>問い合わせ者の役割</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="111"/>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="124"/>
        <source>OS version</source>
        <translation>OS バージョン</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="151"/>
        <source>SDK</source>
        <translation>SDK</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="213"/>
        <source>SDK version</source>
        <translation>SDK バージョン</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="230"/>
        <source>App version</source>
        <translation>アプリバージョン</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="243"/>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="256"/>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="269"/>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="292"/>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="305"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="338"/>
        <source>What they asked</source>
        <translation>お問い合わせ内容</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="357"/>
        <source>What they are really trying to achieve</source>
        <translation>本当に実現したいこと</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="399"/>
        <source>No messages yet.</source>
        <translation>メッセージはまだありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="173"/>
        <location filename="../../ui/overview_form.ui" line="453"/>
        <source>Attach…</source>
        <translation>添付…</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="450"/>
        <source>Choose log files or archives to attach (Ctrl+Shift+A); you can also drop them here</source>
        <translation>添付するログファイルやアーカイブを選びます (Ctrl+Shift+A)。ここにドロップすることもできます</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="466"/>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="463"/>
        <source>Remove the selected file from the ticket (Delete)</source>
        <translation>選択したファイルをチケットから削除します (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="407"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="390"/>
        <source>Conversation</source>
        <translation>やり取り</translation>
    </message>
    <message>
        <location filename="../../ui/overview_form.ui" line="429"/>
        <source>Attached logs (drop files here)</source>
        <translation>添付ログ（ここにファイルをドロップ）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="128"/>
        <source>entered by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="129"/>
        <source>#{0} · {1} · opened {2}</source>
        <translation>#{0} · {1} · 受付 {2}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="133"/>
        <source>Support</source>
        <translation>サポート</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="134"/>
        <source> (internal note)</source>
        <translation>（社内メモ）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/overview_form.py" line="176"/>
        <source>Remove from the ticket…</source>
        <translation>チケットから削除…</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="14"/>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="15"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="16"/>
        <source>%1 File</source>
        <translation>%1 ファイル</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="17"/>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="18"/>
        <source>Alias</source>
        <translation>エイリアス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="19"/>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="20"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="12"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/qt_strings.py" line="13"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="41"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="41"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="41"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="41"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="42"/>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="42"/>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="42"/>
        <source>Age</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="42"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_model.py" line="43"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Time left before the resolution target is missed (business hours; pauses stop it)</source>
        <translation type="vanished">解決目標までの残り時間（営業時間。保留中は止まります）</translation>
    </message>
    <message>
        <source>met</source>
        <translation type="vanished">達成</translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="vanished">保留中</translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="vanished">未達</translation>
    </message>
    <message>
        <source>overdue {0}</source>
        <translation type="vanished">{0} 超過</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation type="vanished">あと {0}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="55"/>
        <source>Search titles, questions, notes, messages…</source>
        <translation>件名・質問・メモ・メッセージを検索…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="58"/>
        <source>Open tickets</source>
        <translation>未解決のチケット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="59"/>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="63"/>
        <source>All categories</source>
        <translation>すべての区分</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="67"/>
        <source>Anyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="69"/>
        <source>Any tag</source>
        <translation>すべてのタグ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/queue_view.py" line="196"/>
        <source>%n matching ticket(s), best match first</source>
        <extracomment>Columns given up, in this order, when the queue is too narrow for a readable title. The title keeps room for about this many characters before any other column is shown.</extracomment>
        <translation>
            <numerusform>該当チケット %n 件（関連度順）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/queue_view.py" line="199"/>
        <source>The newest %n tickets; search or filter to find older ones.</source>
        <translation>
            <numerusform>新しい順に %n 件を表示しています。それより前のチケットは検索またはフィルターで探してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/queue_view.py" line="202"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>チケット %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/queue_view.py" line="258"/>
        <source>Set product team (%n ticket(s))</source>
        <translation>
            <numerusform>プロダクトチームを設定（%n 件）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="261"/>
        <source>(no team)</source>
        <translation>（チームなし）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/queue_view.py" line="262"/>
        <source>Set kind (%n ticket(s))</source>
        <translation>
            <numerusform>種類を設定（%n 件）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/queue_view.py" line="266"/>
        <source>Re-tag selected tickets…</source>
        <translation>選択したチケットのタグを変更…</translation>
    </message>
</context>
<context>
    <name>ReplyComposer</name>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="225"/>
        <location filename="../../ui/reply_composer.ui" line="48"/>
        <source>New draft from the ticket</source>
        <translation>チケットから下書きを作成</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="45"/>
        <source>Rebuild the draft from confirmed causes, accepted findings and marks; parts you edited are kept</source>
        <translation>確定した原因・採用した検出結果・マークから下書きを作り直します（編集した部分はそのまま残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="55"/>
        <source>Snippets</source>
        <translation>定型文</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="95"/>
        <source>Re-draft those parts too</source>
        <translation>その部分も書き直す</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="92"/>
        <source>Replace the parts you edited with the new draft</source>
        <translation>編集した部分を新しい下書きで置き換えます</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="153"/>
        <source>Summary — what happened, in one or two plain sentences</source>
        <translation>概要 — 何が起きたかを 1〜2 文でわかりやすく</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="169"/>
        <source>Cause — the specific reason</source>
        <translation>原因 — 具体的な理由</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="185"/>
        <source>Fix — what to change, who does it, how to check it worked</source>
        <translation>対応方法 — 何を・誰が変えるか、直ったことの確認方法</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="201"/>
        <source>For their developer — forwardable technical detail</source>
        <translation>開発ご担当者様向け — そのまま転送できる技術的な詳細</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="229"/>
        <source>The reply as the customer will read it.</source>
        <translation>お客様に届く形の返信。</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="240"/>
        <source>Your checklist evidence and log-mark notes that the reply quotes to the customer. Untick what must stay private; the draft is rebuilt without it.</source>
        <translation>返信に引用される、あなたのチェックリストの根拠とログのマークのメモです。チェックを外すと、それを除いて下書きを作り直します。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="293"/>
        <location filename="../../ui/reply_composer.ui" line="234"/>
        <source>Private notes</source>
        <translation>非公開メモ</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="219"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="498"/>
        <location filename="../../ui/reply_composer.ui" line="265"/>
        <source>Plain words</source>
        <translation>用語チェック</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="276"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="106"/>
        <source>Show which of your notes are sent, and exclude them</source>
        <translation>送信されるメモを確認し、除外します</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="309"/>
        <source>Copy reply</source>
        <translation>返信をコピー</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="306"/>
        <source>Copies plain text, Markdown and HTML at once; the target app picks</source>
        <translation>プレーンテキスト・Markdown・HTML をまとめてコピーします（貼り付け先が形式を選びます）</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="316"/>
        <source>Save as file…</source>
        <translation>ファイルに保存…</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="326"/>
        <source>Mark as sent</source>
        <translation>送信済みにする</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="323"/>
        <source>Keep this reply in the ticket&apos;s history and start the first-response clock if it has not started</source>
        <translation>この返信をチケットの履歴に残し、初回応答時間が未記録なら記録します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="139"/>
        <source>Public reply</source>
        <translation>公開返信</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="140"/>
        <source>Internal note</source>
        <translation>社内メモ</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="339"/>
        <source>Post to helpdesk</source>
        <translation>ヘルプデスクに投稿</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="336"/>
        <source>Post the reply to the ticket in the helpdesk it came from; a lost connection is checked, never posted twice</source>
        <translation>返信を元のヘルプデスクのチケットに投稿します（接続が切れた場合は確認し、二重に投稿しません）</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="19"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/reply_composer.ui" line="32"/>
        <source>Written for</source>
        <translation>読み手</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="202"/>
        <source>Not saved: your draft is kept and will be saved when possible</source>
        <translation>未保存: 下書きは保持されており、保存できるようになり次第保存されます</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="209"/>
        <location filename="../../cre_desk/gui/reply_composer.py" line="214"/>
        <source>Draft restored (saved {0})</source>
        <translation>下書きを復元しました（{0} に保存）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="257"/>
        <source>Checklist evidence</source>
        <translation>チェックリストの根拠</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="257"/>
        <source>Note on a marked line</source>
        <translation>マークした行のメモ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="267"/>
        <source>Ticked: sent to the customer. Unticked: left out of the reply.</source>
        <translation>チェックあり：お客様に送信されます。チェックなし：返信に含めません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/reply_composer.py" line="284"/>
        <source>%n excluded note(s) still in text you edited: remove it there or re-draft that part</source>
        <translation>
            <numerusform>除外したメモ %n 件が、編集した文章に残っています。そこで削除するか、その部分を作り直してください</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/reply_composer.py" line="288"/>
        <source>The reply quotes %n of your private note(s): review before sending</source>
        <translation>
            <numerusform>返信にあなたの非公開メモが %n 件引用されています。送信前に確認してください</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="352"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="352"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="352"/>
        <source>Fix</source>
        <translation>対応方法</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="353"/>
        <source>Developer block</source>
        <translation>開発者向け詳細</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="367"/>
        <source>Draft updated from the ticket: {0} rewritten</source>
        <translation>チケットの変更を下書きに反映しました：{0} を書き直しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="369"/>
        <source>Draft is up to date with the ticket</source>
        <translation>下書きはチケットの最新の内容を反映しています</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="372"/>
        <source>Your edited parts are still in the other language: {0}</source>
        <translation>編集した部分は前の言語のままです：{0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="375"/>
        <source>Kept your edits in: {0}</source>
        <translation>編集した部分はそのまま残しました：{0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="403"/>
        <source>Re-drafted: {0}</source>
        <translation>書き直しました：{0}</translation>
    </message>
    <message>
        <source>New draft applied; kept your edits in: {0}</source>
        <translation type="vanished">新しい下書きを反映しました。編集済みの部分は残しています: {0}</translation>
    </message>
    <message>
        <source>New draft applied</source>
        <translation type="vanished">新しい下書きを反映しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="455"/>
        <source>Editing…</source>
        <translation>編集中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="535"/>
        <source>(double-click to read the whole reply)</source>
        <translation>（ダブルクリックで返信の全文を表示）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="551"/>
        <source>Marked as sent by {0}</source>
        <translation>{0} が送信済みにしました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="551"/>
        <source>Marked as sent</source>
        <translation>送信済みにしました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="553"/>
        <source>Posted to {1} by {0}</source>
        <translation>{0} が {1} に投稿しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="553"/>
        <source>Posted to {1}</source>
        <translation>{1} に投稿しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="581"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="603"/>
        <source>Draft saved</source>
        <translation>下書きを保存しました</translation>
    </message>
    <message>
        <source>A teammate saved this reply draft while you were editing it. Keep your text (it replaces theirs)? Choose No to load their version.</source>
        <translation type="vanished">編集中にチームメンバーがこの返信の下書きを保存しました。自分の文面を残しますか（相手の文面は置き換えられます）？「いいえ」を選ぶと相手の版を読み込みます。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="620"/>
        <source>Not saved: {0}</source>
        <translation>保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="625"/>
        <source>a teammate</source>
        <translation>チームメンバー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="631"/>
        <source>──── {0}&apos;s version ────</source>
        <translation>──── {0} さんの版 ────</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="639"/>
        <source>{0} saved this reply draft while you were editing it. Nothing was replaced: their text is now below yours in each part, under a line with their name. Edit the draft down to one reply.</source>
        <translation>編集中に {0} さんがこの返信の下書きを保存しました。何も上書きされていません。各パートで、あなたの文章の下に相手の名前入りの区切り線と相手の文章があります。1 つの返信にまとめてください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="641"/>
        <source>Saved by someone else</source>
        <translation>他のメンバーが保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/reply_composer.py" line="651"/>
        <source>The reply quotes %n of your private note(s) (see Private notes beside the preview). {0} anyway?</source>
        <translation>
            <numerusform>この返信には非公開メモが %n 件引用されています（プレビュー横の「非公開メモ」を参照）。このまま{0}か？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="655"/>
        <source>Copy it</source>
        <translation>コピーします</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="662"/>
        <source>Copied as plain text, Markdown and HTML</source>
        <translation>プレーンテキスト・Markdown・HTML としてコピーしました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="665"/>
        <source>Save it</source>
        <translation>保存します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="668"/>
        <source>Save reply</source>
        <translation>返信を保存</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="669"/>
        <source>Plain text (*.txt);;Markdown (*.md);;HTML (*.html)</source>
        <translation>プレーンテキスト (*.txt);;Markdown (*.md);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="681"/>
        <source>Saved to {0}</source>
        <translation>{0} に保存しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="692"/>
        <source>public reply</source>
        <translation>公開返信</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="692"/>
        <source>internal note</source>
        <translation>社内メモ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="693"/>
        <source>Post this reply to the {0} ticket {1} as a {2}?</source>
        <translation>この返信を {0} のチケット {1} に{2}として投稿しますか？</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="702"/>
        <source>Posting…</source>
        <translation>投稿中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="712"/>
        <source>Not posted</source>
        <translation>未投稿</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="713"/>
        <source>The helpdesk did not receive the reply, so nothing was posted. Your draft is kept; try again when the connection is back.</source>
        <translation>ヘルプデスクが返信を受け取らなかったため、投稿されていません。下書きは残っています。接続が戻ったら再度お試しください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="719"/>
        <source>Posted to the helpdesk</source>
        <translation>ヘルプデスクに投稿しました</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="729"/>
        <source>Not confirmed: {0} Posting again checks the ticket first, so the reply is never sent twice.</source>
        <translation>確認できませんでした: {0} もう一度投稿すると先にチケットを確認するので、返信が二重に送られることはありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="732"/>
        <source>Not posted: {0}</source>
        <translation>投稿できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="737"/>
        <source>Record it as sent</source>
        <translation>送信済みとして記録します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/reply_composer.py" line="746"/>
        <source>Recorded as sent</source>
        <translation>送信済みとして記録しました</translation>
    </message>
</context>
<context>
    <name>RetagDialog</name>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="27"/>
        <source>Re-tag tickets</source>
        <translation>チケットのタグを変更</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/retag_dialog.py" line="30"/>
        <source>Set the product team and/or kind of the %n selected ticket(s).</source>
        <translation>
            <numerusform>選択した %n 件のチケットのプロダクトチームや種類を設定します。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="33"/>
        <source>Keep each ticket&apos;s team</source>
        <translation>各チケットのチームのまま</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="36"/>
        <source>(no team)</source>
        <translation>（チームなし）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="38"/>
        <source>Keep each ticket&apos;s kind</source>
        <translation>各チケットの種類のまま</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="42"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/retag_dialog.py" line="43"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>SentReplyDialog</name>
    <message>
        <location filename="../../cre_desk/gui/sent_reply_view.py" line="37"/>
        <source>Sent reply</source>
        <translation>送信した返信</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/sent_reply_view.py" line="44"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="14"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="22"/>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="25"/>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="25"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="26"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="108"/>
        <source>Leave empty to keep tickets in the local file. A team server URL must not contain a password: use the server&apos;s trusted or certificate login.</source>
        <translation>空欄のままにするとチケットはローカルファイルに保存されます。チームサーバーの URL にパスワードを含めないでください（サーバーの信頼認証または証明書認証を使用します）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="22"/>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="35"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="48"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="61"/>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="74"/>
        <source>Team database</source>
        <translation>チームのデータベース</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="101"/>
        <source>Remove API keys, tokens and e-mail addresses from logs when attaching them</source>
        <translation>ログを添付するときに API キー・トークン・メールアドレスを取り除く</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="91"/>
        <source>Privacy</source>
        <translation>プライバシー</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="137"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="134"/>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="131"/>
        <source>How often helpdesk accounts are synced in the background while CRE Desk runs (F6 syncs at once)</source>
        <translation>CRE Desk の実行中にヘルプデスクのアカウントをバックグラウンドで同期する間隔(F6 ですぐに同期)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="121"/>
        <source>Background sync</source>
        <translation>バックグラウンド同期</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="162"/>
        <source>the system&apos;s certificates</source>
        <translation>システムの証明書</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="159"/>
        <source>Only if your company&apos;s network inspects secure (HTTPS) traffic: the proxy&apos;s certificate authority file (PEM) from your IT team</source>
        <translation>社内ネットワークが HTTPS 通信を検査している場合のみ: IT 部門から受け取ったプロキシの認証局ファイル(PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="169"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="147"/>
        <source>Company certificate (CA bundle)</source>
        <translation>社内証明書(CA バンドル)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="39"/>
        <source>The team database must be a postgresql:// URL.</source>
        <translation>チームのデータベースは postgresql:// で始まる URL を指定してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="43"/>
        <source>Remove the password from the URL; passwords are not stored in settings.</source>
        <translation>URL からパスワードを削除してください。パスワードは設定に保存されません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="67"/>
        <source>Company certificate</source>
        <translation>社内証明書</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/settings_dialog.py" line="68"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="67"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="69"/>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="69"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="69"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="77"/>
        <source>Everywhere</source>
        <translation>どこでも</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="118"/>
        <source>Similar tickets and articles</source>
        <translation>類似チケットと記事</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="130"/>
        <source>Resolved tickets and reviewed articles that look like this ticket</source>
        <translation>このチケットに似た解決済みチケットとレビュー済みの記事</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="133"/>
        <source>Use in reply</source>
        <translation>返信に使う</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="136"/>
        <source>Article: insert its text into the Fix. Ticket: copy the Cause and Fix of its reply into the draft.</source>
        <translation>記事: 本文を「対応方法」に挿入します。チケット: その返信の「原因」と「対応方法」を下書きにコピーします。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="141"/>
        <source>Make an FAQ article</source>
        <translation>FAQ 記事を作成</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="143"/>
        <source>Draft an FAQ article in English and Japanese from this resolved ticket&apos;s reply</source>
        <translation>この解決済みチケットの返信から、英語と日本語の FAQ 記事の下書きを作成します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="166"/>
        <source>Looking for similar tickets…</source>
        <translation>類似チケットを探しています…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="180"/>
        <source>Nothing similar yet.</source>
        <translation>似ているものはまだありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="187"/>
        <source>Similar tickets could not be looked up.</source>
        <translation>類似チケットを検索できませんでした。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="236"/>
        <source>That ticket has no saved or sent reply to copy.</source>
        <translation>そのチケットにはコピーできる保存済みまたは送信済みの返信がありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="258"/>
        <source>FAQ article #%1 drafted: review it in Articles (Ctrl+Shift+K).</source>
        <translation>FAQ 記事 #%1 の下書きを作成しました。「記事」（Ctrl+Shift+K）で確認してください。</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="83"/>
        <source>Article #%1</source>
        <translation>記事 #%1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="84"/>
        <source>Ticket #%1</source>
        <translation>チケット #%1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="92"/>
        <source>similar words: %1</source>
        <translation>似た語: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="94"/>
        <source>same log findings: %1</source>
        <translation>同じログの所見: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="96"/>
        <source>same suspected area: %1</source>
        <translation>同じ疑わしい領域: %1</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="98"/>
        <source>answers look-alike ticket %1</source>
        <translation>類似チケット %1 への回答</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/kb_panel.py" line="100"/>
        <source>linked to this ticket</source>
        <translation>このチケットに関連付け済み</translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="578"/>
        <source>Product teams</source>
        <translation>プロダクトチーム</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="583"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="584"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="585"/>
        <source>Name (Japanese)</source>
        <translation>名前（日本語）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="586"/>
        <source>Symptoms</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="587"/>
        <source>Checklist items</source>
        <translation>チェックリスト項目</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="588"/>
        <source>Feature words</source>
        <translation>機能のキーワード</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="595"/>
        <source>Add team</source>
        <translation>チームを追加</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="597"/>
        <source>Remove team</source>
        <translation>チームを削除</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="598"/>
        <source>Its tickets keep their kind and become untagged by team</source>
        <translation>チケットの種類はそのまま残り、チームは未設定になります</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/feedback_dashboard.py" line="600"/>
        <source>Lists are comma-separated. Checklist items match by the start of their key.</source>
        <translation>一覧はカンマ区切りです。チェックリスト項目はキーの先頭で照合します。</translation>
    </message>
</context>
<context>
    <name>TicketPane</name>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="73"/>
        <source>Status (Ctrl+Shift+S). Waiting statuses pause the resolution clock.</source>
        <translation>ステータス（Ctrl+Shift+S）。待ち状態の間は解決時間の計測が止まります。</translation>
    </message>
    <message>
        <source>Business hours of the team calendar; waiting statuses pause the resolution clock</source>
        <translation type="vanished">チームのカレンダーの営業時間で計測します。待ち状態の間は解決時間の計測が止まります</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="103"/>
        <source>&amp;Overview</source>
        <translation>概要(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="104"/>
        <source>&amp;Checklist</source>
        <translation>チェックリスト(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="105"/>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="106"/>
        <source>&amp;Logs</source>
        <translation>ログ(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="107"/>
        <source>&amp;Reply</source>
        <translation>返信(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="110"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="132"/>
        <source>Select a ticket on the left, or create one with Ctrl+N.</source>
        <translation>左の一覧からチケットを選ぶか、Ctrl+N で新規作成してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="206"/>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="367"/>
        <source>Not saved · Ctrl+S retries</source>
        <translation>未保存・Ctrl+S で再試行</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="208"/>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="318"/>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="346"/>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="381"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>First response {0} h</source>
        <translation type="vanished">初回応答 {0} 時間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="241"/>
        <source>First response {0} business h</source>
        <translation>初回応答 {0} 営業時間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="244"/>
        <source>No response yet</source>
        <translation>未応答</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="247"/>
        <source>Resolution {0} of {1} business h</source>
        <translation>解決時間 {0} / {1} 営業時間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="250"/>
        <source>Resolution {0} business h</source>
        <translation>解決時間 {0} 営業時間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="251"/>
        <source>on track</source>
        <translation>順調</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="251"/>
        <source>at risk</source>
        <translation>期限間近</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="252"/>
        <source>target missed</source>
        <translation>目標未達</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="252"/>
        <source>target met</source>
        <translation>目標達成</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="253"/>
        <source>paused</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="263"/>
        <source>Paused so far: {0} business hours, not counted in Resolution.</source>
        <translation>これまでの保留時間：{0} 営業時間（解決時間には含みません）。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="297"/>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="346"/>
        <source>Editing…</source>
        <translation>編集中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="321"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="359"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="470"/>
        <source>Attaching stopped: the files still being copied were not attached.</source>
        <translation>添付を中止しました。コピー中だったファイルは添付されていません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="472"/>
        <source>Attaching stopped: none of the files was attached.</source>
        <translation>添付を中止しました。どのファイルも添付されていません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="494"/>
        <source>The files could not be attached: {0}</source>
        <translation>ファイルを添付できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="501"/>
        <source>Ticket #{0}:</source>
        <translation>チケット #{0}:</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="525"/>
        <source>Remove “{0}” from ticket #{1}?</source>
        <translation>「{0}」をチケット #{1} から削除しますか?</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="526"/>
        <source>The copy kept in the workspace is deleted. The file you attached it from is not touched.</source>
        <translation>ワークスペースに保存されたコピーは削除されます。添付元のファイルはそのまま残ります。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cre_desk/gui/ticket_pane.py" line="528"/>
        <source>%n mark(s) on its lines will be removed too.</source>
        <translation>
            <numerusform>このログの行に付けたマーク %n 件も削除されます。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="529"/>
        <source>This cannot be undone; to have it back, attach the file again.</source>
        <translation>元に戻すことはできません。必要になったら、もう一度ファイルを添付してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="530"/>
        <source>Remove attachment</source>
        <translation>添付ファイルの削除</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/ticket_pane.py" line="535"/>
        <source>{0}: removed from the ticket, and its copy deleted from the workspace</source>
        <translation>{0}: チケットから削除し、ワークスペースのコピーも削除しました</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) or e-mail address(es) removed from the attached logs</source>
        <translation type="vanished">
            <numerusform>添付したログから秘密情報・メールアドレスを %n 件取り除きました</numerusform>
        </translation>
    </message>
    <message>
        <source>Some files were not attached:</source>
        <translation type="vanished">一部のファイルは添付されませんでした:</translation>
    </message>
    <message numerus="yes">
        <source>Attaching %n file(s)…</source>
        <translation type="vanished">
            <numerusform>%n 件のファイルを添付中…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../cre_desk/gui/timeline_view.py" line="30"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/timeline_view.py" line="30"/>
        <source>From</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/timeline_view.py" line="30"/>
        <source>To</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/timeline_view.py" line="30"/>
        <source>Pause reason</source>
        <translation>保留理由</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/timeline_view.py" line="30"/>
        <source>By</source>
        <translation>実行者</translation>
    </message>
</context>
<context>
    <name>UpsellBox</name>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="76"/>
        <source>Upsell signal…</source>
        <translation>アップセルの兆し…</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="77"/>
        <source>Note that the customer showed interest in a paid feature</source>
        <translation>お客様が有料機能に関心を示したことを記録します</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="100"/>
        <source>Upsell signals: {0}</source>
        <translation>アップセルの兆し: {0}</translation>
    </message>
</context>
<context>
    <name>UpsellDialog</name>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="36"/>
        <source>Upsell signal</source>
        <translation>アップセルの兆し</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="38"/>
        <source>The customer showed interest in a paid feature. Account managers see this in the customer-voice report; it is not counted in the support figures.</source>
        <translation>お客様が有料機能に関心を示しました。アカウントマネージャーはお客様の声レポートで確認できます。サポートの集計には含まれません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="41"/>
        <source>e.g. Data export add-on, higher MAU plan</source>
        <translation>例: データエクスポートのアドオン、上位の MAU プラン</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="43"/>
        <source>What the customer said or asked</source>
        <translation>お客様の発言や質問</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="46"/>
        <source>Paid feature</source>
        <translation>有料機能</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/upsell_box.py" line="47"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcome_dialog.ui" line="14"/>
        <source>Welcome to CRE Desk</source>
        <translation>CRE Desk へようこそ</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.ui" line="20"/>
        <source>Your name is shown in each ticket&apos;s Timeline (“By”), is the assignee of the tickets you create and signs your replies. You can change it later in Settings.</source>
        <translation>お名前は各チケットのタイムライン（「実行者」欄）に表示され、作成したチケットの担当者と返信の署名に使われます。あとから設定で変更できます。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.ui" line="45"/>
        <source>e.g. Aki Sato</source>
        <translation>例：佐藤 亜紀</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.ui" line="54"/>
        <source>Load a small demo workspace: realistic in-app message, push and event tickets with sample logs, to see how it works</source>
        <translation>小さなデモワークスペースを読み込む：アプリ内メッセージ・プッシュ通知・イベントに関する実例風のチケットとサンプルログで、動作を確認できます</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.ui" line="35"/>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/welcome_dialog.py" line="45"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="96"/>
        <source>CRE Desk is already running with this data folder ({0}).</source>
        <translation>このデータフォルダー（{0}）で CRE Desk はすでに起動しています。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="99"/>
        <source>Switched to its window.</source>
        <translation>そのウィンドウに切り替えました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="103"/>
        <source>Close the other window first, then start CRE Desk again.</source>
        <translation>先にもう一方のウィンドウを閉じてから、CRE Desk を起動し直してください。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="184"/>
        <source>It was restored from the backup of {0}.</source>
        <translation>{0} のバックアップから復元しました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="185"/>
        <source>A new, empty database was started.</source>
        <translation>新しい空のデータベースで開始しました。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="186"/>
        <source>The database file was damaged ({0}). It was moved aside, not deleted:
{1}

{2}</source>
        <translation>データベースファイルが破損していました（{0}）。削除せずに別名で退避しました:
{1}

{2}</translation>
    </message>
    <message>
        <source>Welcome to CRE Desk. Load a small demo workspace (a few realistic in-app message, push and event tickets with sample logs) to see how it works?</source>
        <translation type="vanished">CRE Desk へようこそ。動作を確認できる小さなデモワークスペース（アプリ内メッセージ・プッシュ通知・イベントに関する実例風のチケットとサンプルログ）を読み込みますか？</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="vanished">ようこそ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/app.py" line="199"/>
        <source>The workspace could not be opened. Fix the problem shown, then restart CRE Desk.
Log file: {0}</source>
        <translation>ワークスペースを開けませんでした。表示された問題を解決してから CRE Desk を再起動してください。
ログファイル: {0}</translation>
    </message>
</context>
<context>
    <name>checklist_texts</name>
    <message>
        <location filename="../../cre_desk/gui/checklist_texts.py" line="67"/>
        <source>First narrow it down:</source>
        <translation>まず範囲を絞り込みます:</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="31"/>
        <source>{0}d {1}h</source>
        <translation>{0}日 {1}時間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="33"/>
        <source>{0}h {1}m</source>
        <translation>{0}時間 {1}分</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="34"/>
        <source>{0}m</source>
        <translation>{0}分</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="50"/>
        <source>met</source>
        <translation>達成</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="52"/>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="56"/>
        <source>missed</source>
        <translation>未達</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="58"/>
        <source>overdue {0} h</source>
        <translation>{0} 時間超過</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="60"/>
        <source>in {0} h</source>
        <translation>あと {0} 時間</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="70"/>
        <source>Resolution target: {0} of {1} business hours used.</source>
        <translation>解決目標：{1} 営業時間のうち {0} 時間を使用。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="74"/>
        <source>Paused with {0} business hours left.</source>
        <translation>残り {0} 営業時間で一時停止中。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="79"/>
        <source>Missed at {0}.</source>
        <translation>{0} に目標を超過。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="82"/>
        <source>Due by {0} unless the ticket is paused.</source>
        <translation>一時停止しなければ {0} が期限です。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="85"/>
        <source>No resolution target for this category.</source>
        <translation>このカテゴリには解決目標がありません。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="93"/>
        <source> ({0})</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/formatting.py" line="95"/>
        <source>Counted in business hours of the team calendar{0}: nights, days off and holidays do not count, and waiting statuses pause the clock. Rounded to 0.1 h; the queue, the ticket header and the dashboard&apos;s CSV use the same figures.</source>
        <translation>チームのカレンダー{0}の営業時間で数えます。夜間・休業日・祝日は数えず、「待ち」のステータスの間は時計が止まります。0.1 時間単位に丸め、キュー・チケットのヘッダー・ダッシュボードの CSV で同じ値を使います。</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="40"/>
        <source>Checklist tab</source>
        <translation>チェックリストタブ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="41"/>
        <source>Next unchecked cause</source>
        <translation>次の未確認の原因</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="42"/>
        <source>Logs tab</source>
        <translation>ログタブ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="43"/>
        <source>Search the log</source>
        <translation>ログを検索</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="44"/>
        <source>Next hit, previous hit</source>
        <translation>次の一致・前の一致</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="45"/>
        <source>Filter the log</source>
        <translation>ログを絞り込む</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="46"/>
        <source>Go to line</source>
        <translation>指定行へ移動</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="47"/>
        <source>Jump to a time</source>
        <translation>指定時刻へ移動</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="48"/>
        <source>Mark the line, with a note</source>
        <translation>行にメモ付きでマークを付ける</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="49"/>
        <source>Copy the selected lines</source>
        <translation>選択した行をコピー</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="51"/>
        <source>Overview tab</source>
        <translation>概要タブ</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="52"/>
        <source>Accept the suggested product team and kind</source>
        <translation>提案されたプロダクトチームと種類を採用</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="53"/>
        <source>Confirm a kind: bug, missing, unclear, hidden, spec question, troubleshooting</source>
        <translation>種類を確定: 不具合・機能不足・分かりにくい・知られていない・仕様の質問・トラブルシューティング</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="56"/>
        <source>Resolution dashboard</source>
        <translation>解決時間ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="57"/>
        <source>Close the dashboard</source>
        <translation>ダッシュボードを閉じる</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="121"/>
        <source>CRE Desk {0}</source>
        <translation>CRE Desk {0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="122"/>
        <source>Desktop triage for Customer Reliability Engineering teams at mobile-SDK vendors.</source>
        <translation>モバイル SDK ベンダーのカスタマーリライアビリティエンジニアリング（CRE）チーム向けのデスクトップ調査ツールです。</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="125"/>
        <source>Qt {0} (PySide6 {1}), Python {2}</source>
        <translation>Qt {0}（PySide6 {1}）、Python {2}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="128"/>
        <source>Database: {0}</source>
        <translation>データベース：{0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="130"/>
        <source>Data folder: {0}</source>
        <translation>データフォルダ：{0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="131"/>
        <source>Settings: {0}</source>
        <translation>設定ファイル：{0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="132"/>
        <source>Log file: {0}</source>
        <translation>ログファイル：{0}</translation>
    </message>
    <message>
        <location filename="../../cre_desk/gui/help_dialogs.py" line="133"/>
        <source>About CRE Desk</source>
        <translation>CRE Desk について</translation>
    </message>
</context>
</TS>
