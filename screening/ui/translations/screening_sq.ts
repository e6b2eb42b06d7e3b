<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sq" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../accounts.py" line="+96"/>
        <source>Add an account</source>
        <translation>Shto një llogari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officers interview; supervisors also review, print and manage accounts.</source>
        <translation>Punonjësit zhvillojnë intervistat; mbikëqyrësit gjithashtu shqyrtojnë, printojnë dhe menaxhojnë llogaritë.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset password</source>
        <translation>Rivendos fjalëkalimin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password for %1. Tell it to them in person.</source>
        <translation>Fjalëkalimi i ri për %1. Ia tregoni personalisht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Officer</source>
        <translation>Punonjës</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Mbikëqyrës</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name</source>
        <translation>&amp;Emri i përdoruesit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Role</source>
        <translation>&amp;Roli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Password</source>
        <translation>&amp;Fjalëkalimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again</source>
        <translation>&amp;Përsërit fjalëkalimin</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter a user name.</source>
        <translation>Shkruani emrin e përdoruesit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A user name has 2 to 32 letters (a–z), digits, dots, dashes or underscores, and starts with a letter or a digit.</source>
        <translation>Emri i përdoruesit ka 2 deri në 32 shkronja (a–z), shifra, pika, viza ose nënvija dhe fillon me shkronjë ose shifër.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is already an account named %1.</source>
        <translation>Ekziston tashmë një llogari me emrin %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving…</source>
        <translation>Po ruhet…</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../dialogs.py" line="+43"/>
        <source>Could not save the change: %1</source>
        <translation>Ndryshimi nuk u ruajt: %1</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="+121"/>
        <source>Officer</source>
        <translation>Punonjës</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor</source>
        <translation>Mbikëqyrës</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disabled</source>
        <translation>E çaktivizuar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active (you)</source>
        <translation>Aktive (ju)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The account %1 is added.</source>
        <translation>Llogaria %1 u shtua.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password of %1 is changed.</source>
        <translation>Fjalëkalimi i llogarisë %1 u ndryshua.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account %1 is disabled: its password cannot be reset.</source>
        <translation>Llogaria %1 është e çaktivizuar: fjalëkalimi i saj nuk mund të rivendoset.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>You cannot disable your own account.</source>
        <translation>Nuk mund të çaktivizoni llogarinë tuaj.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disable account</source>
        <translation>Çaktivizo llogarinë</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable the account %1? It can no longer log in, and this cannot be undone; the interviews it made are kept.</source>
        <translation>Të çaktivizohet llogaria %1? Me të nuk do të mund të hyhet më dhe ky veprim nuk mund të zhbëhet; intervistat e kryera me të mbeten të ruajtura.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Disable</source>
        <translation>Ç&amp;aktivizo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The account %1 is disabled.</source>
        <translation>Llogaria %1 u çaktivizua.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Accounts</source>
        <translation>Llogaritë</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone who uses this workstation has their own account. A disabled account can no longer log in.</source>
        <translation>Çdo person që përdor këtë kompjuter ka llogarinë e vet. Me një llogari të çaktivizuar nuk mund të hyhet më.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name</source>
        <translation>Emri i përdoruesit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Roli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statusi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Shto llogari…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disable…</source>
        <translation>Ç&amp;aktivizo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Rivendos fjalëkalimin…</translation>
    </message>
</context>
<context>
    <name>ArrivalList</name>
    <message>
        <location filename="../arrivals.py" line="+36"/>
        <source>Expected</source>
        <translation>Pritet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>Personi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of birth or age</source>
        <translation>Data e lindjes ose mosha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flight or crossing</source>
        <translation>Fluturimi ose kalimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returned from</source>
        <translation>Kthyer nga</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notified by</source>
        <translation>Njoftuar nga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspected</source>
        <translation>Dyshimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To be met by</source>
        <translation>Do ta presë</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Today</source>
        <translation>Sot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow</source>
        <translation>Nesër</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 years</source>
        <translation>%1 vjeç</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>victim</source>
        <translation>viktimë e mundshme e trafikimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>child</source>
        <translation>fëmijë</translation>
    </message>
</context>
<context>
    <name>AssessmentField</name>
    <message>
        <location filename="../interview/assessment.py" line="+72"/>
        <source>Hide the answers behind it</source>
        <translation>Fshih përgjigjet që e përcaktojnë</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the answers behind it (%1)</source>
        <translation>Shfaq përgjigjet që e përcaktojnë (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The answers show that the person is presumed to be a victim of trafficking.</source>
        <translation>Përgjigjet tregojnë se personi është viktimë e mundshme e trafikimit, me tregues të plotë.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answers give reason to suspect that the person is a victim of trafficking.</source>
        <translation>Përgjigjet japin arsye për të dyshuar se personi është viktimë e mundshme e trafikimit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answers show that the person is at risk of trafficking.</source>
        <translation>Përgjigjet tregojnë se personi është në rrezik trafikimi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answers show no sign of trafficking.</source>
        <translation>Përgjigjet nuk tregojnë asnjë shenjë trafikimi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refer the child to the Child Protection Unit.</source>
        <translation>Referojeni fëmijën te Njësia për Mbrojtjen e Fëmijëve.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refer the person: choose the action and the receiving organisation below.</source>
        <translation>Referojeni personin: zgjidhni më poshtë veprimin dhe organizatën pritëse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give your own assessment and the action taken below.</source>
        <translation>Jepni më poshtë vlerësimin tuaj dhe veprimin e marrë.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give your own assessment below; if it is lower than this one, write why.</source>
        <translation>Jepni më poshtë vlerësimin tuaj; nëse është më i ulët se ky, shkruani arsyen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to do now: %1</source>
        <translation>Çfarë duhet bërë tani: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>present (%1)</source>
        <translation>i pranishëm (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not enough on its own (%1)</source>
        <translation>jo i mjaftueshëm më vete (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No indicator was answered “yes”.</source>
        <translation>Asnjë tregues nuk ka marrë përgjigjen “po”.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Officer observations</source>
        <translation>Vëzhgimet e punonjësit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk factors</source>
        <translation>Faktorët e rrezikut</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <location filename="../interview/fields.py" line="+355"/>
        <source>Suggested by the decision rule: %1. Press %2, or Enter, to take it; another number to choose otherwise.</source>
        <translation>Sipas rregullit të vendimit: %1. Shtypni %2 ose Enter për ta pranuar, ose një numër tjetër për të zgjedhur ndryshe.</translation>
    </message>
</context>
<context>
    <name>CountriesField</name>
    <message>
        <location filename="../interview/pickers.py" line="+159"/>
        <source>Add</source>
        <translation>Shto</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../asking.py" line="+14"/>
        <location filename="../dialogs.py" line="+19"/>
        <location filename="../main_window.py" line="+596"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="-62"/>
        <location filename="../asking.py" line="+1"/>
        <location filename="../dialogs.py" line="+1"/>
        <location line="+51"/>
        <location filename="../qt_dialogs.py" line="+29"/>
        <location filename="../setup_wizard.py" line="+63"/>
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="-50"/>
        <source>Close</source>
        <translation>Mbyll</translation>
    </message>
    <message>
        <location filename="../qt_dialogs.py" line="-2"/>
        <source>Save</source>
        <translation>Ruaj</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../document_preview.py" line="+103"/>
        <source>Printing failed</source>
        <translation>Printimi dështoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer did not take the document. Save it as PDF with “Save a copy…” and print it from there, or try again.</source>
        <translation>Printeri nuk e pranoi dokumentin. Ruajeni si PDF me “Ruaj një kopje…” dhe printojeni prej andej, ose provoni përsëri.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as PDF</source>
        <translation>Ruaje si PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved</source>
        <translation>Nuk u ruajt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document could not be written to %1. Choose another folder.</source>
        <translation>Dokumenti nuk mund të shkruhej në %1. Zgjidhni një dosje tjetër.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved: this preview is kept in memory only. “Save a copy…” writes the PDF where you choose, readable only by your user account.</source>
        <translation>Pa ruajtur: kjo pamje mbahet vetëm në kujtesë. “Ruaj një kopje…” e shkruan PDF-në aty ku zgjidhni, e lexueshme vetëm nga llogaria juaj.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1</source>
        <translation>Ruajtur si %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Printo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy…</source>
        <translation>Ruaj një kopje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Mbyll</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../documents.py" line="+39"/>
        <source>Referral slip</source>
        <translation>Fleta e referimit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interview record</source>
        <translation>Procesverbali i intervistës</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Information leaflet</source>
        <translation>Fletëpalosja informuese</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quarterly report %1</source>
        <translation>Raporti tremujor %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Confirm your password</source>
        <translation>Konfirmoni fjalëkalimin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents with personal data need your password again:</source>
        <translation>Dokumentet me të dhëna personale kërkojnë sërish fjalëkalimin tuaj:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The document was not made</source>
        <translation>Dokumenti nuk u krijua</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <location filename="../dialogs.py" line="-30"/>
        <source>Something unexpected went wrong: %1</source>
        <translation>Ndodhi një gabim i papritur: %1</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../home.py" line="+202"/>
        <source>Draft</source>
        <translation>E papërfunduar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finalised</source>
        <translation>E përfunduar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for correction</source>
        <translation>E kthyer për korrigjim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>E miratuar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome, %1</source>
        <translation>Mirë se vini, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New interview (Ctrl+N)</source>
        <translation>Intervistë e re (Ctrl+N)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Sync with central: not set up on this workstation</source>
        <translation>Sinkronizimi me sistemin qendror: nuk është konfiguruar në këtë kompjuter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Central not reachable; %1 batch(es) wait and will be sent later</source>
        <translation>Sistemi qendror nuk arrihet; paketat në pritje (%1) do të dërgohen më vonë</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last sync with central: %1 · waiting: %2</source>
        <translation>Sinkronizimi i fundit me sistemin qendror: %1 · në pritje: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>My unfinished interviews</source>
        <translation>Intervistat e mia të papërfunduara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting review</source>
        <translation>Në pritje të shqyrtimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today at this checkpoint</source>
        <translation>Sot në këtë pikë kalimi kufitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected arrivals today and tomorrow (notified by central) — Enter starts the interview</source>
        <translation>Mbërritje të pritura sot dhe nesër (të njoftuara nga sistemi qendror) — Enter nis intervistën</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Personi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statusi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case reference</source>
        <translation>Referenca e rastit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Rezultati</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Officer</source>
        <translation>Punonjësi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last change</source>
        <translation>Ndryshimi i fundit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You have no unfinished interviews. Start one with “New interview” (Ctrl+N).</source>
        <translation>Nuk keni intervista të papërfunduara. Filloni një me “Intervistë e re” (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No interview is waiting for your review.</source>
        <translation>Asnjë intervistë nuk pret shqyrtimin tuaj.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No interview at this checkpoint today yet.</source>
        <translation>Ende asnjë intervistë sot në këtë pikë kalimi.</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <location filename="../interview/indicators.py" line="+43"/>
        <source>Indicators so far</source>
        <translation>Treguesit deri tani</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No indicator answered yet</source>
        <translation>Asnjë tregues nuk është pyetur ende</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Positive dimensions: %1</source>
        <translation>Dimensionet pozitive: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No dimension is positive yet.</source>
        <translation>Ende asnjë dimension nuk është pozitiv.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Observation</source>
        <translation>Vëzhgim</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <location filename="../interview/view.py" line="+149"/>
        <source>Saving…</source>
        <translation>Po ruhet…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved at %1</source>
        <translation>U ruajt në orën %1</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>◀ Previous section</source>
        <translation>◀ Seksioni i mëparshëm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next section ▶</source>
        <translation>Seksioni tjetër ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalise interview</source>
        <translation>Përfundo intervistën</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys: the number or letter of an answer gives it and moves on by itself; Enter moves on without changing the answer (it confirms what a text field shows); Ctrl+PgDown / Ctrl+PgUp: next / previous section.</source>
        <translation>Tastet: numri ose shkronja e një përgjigjeje e jep atë dhe kalon vetë te pyetja tjetër; Enter kalon më tej pa e ndryshuar përgjigjen (konfirmon atë që shfaq një fushë teksti); Ctrl+PgDown / Ctrl+PgUp: seksioni tjetër / i mëparshëm.</translation>
    </message>
</context>
<context>
    <name>LineField</name>
    <message>
        <location filename="../interview/fields.py" line="-147"/>
        <source>%1 is not a day in the calendar: check the day and the month.</source>
        <translation>%1 nuk është ditë e kalendarit: kontrolloni ditën dhe muajin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the date as DD.MM.YYYY, for example 05.03.1998.</source>
        <translation>Shkruani datën si DD.MM.VVVV, për shembull 05.03.1998.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the date as DD/MM/YYYY, for example 05/03/1998.</source>
        <translation>Shkruani datën si DD/MM/VVVV, për shembull 05/03/1998.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../login.py" line="+235"/>
        <source>Locked</source>
        <translation>Sesioni është kyçur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked for %1. Enter the password to continue; the interview is kept as it was.</source>
        <translation>Sesioni i përdoruesit %1 është kyçur. Shkruani fjalëkalimin për të vazhduar; intervista mbetet siç ishte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock</source>
        <translation>Shkyç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Fjalëkalimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out and switch user</source>
        <translation>Dil dhe ndërro përdoruesin</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location line="-203"/>
        <source>Wrong user name or password.</source>
        <translation>Emri i përdoruesit ose fjalëkalimi është i gabuar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong passwords. Try again in %1 seconds.</source>
        <translation>Shumë fjalëkalime të gabuara. Provoni përsëri pas %1 sekondash.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 saved change(s) are missing from the database: its files were cut short or lost. Nothing was changed; the files were copied to %2. Do not use this workstation for interviews; ask IT support to recover the copy or restore the latest backup.</source>
        <translation>Mungojnë %1 ndryshime të ruajtura në bazën e të dhënave: skedarët e saj u shkurtuan ose humbën. Asgjë nuk u ndryshua; skedarët u kopjuan në %2. Mos e përdorni këtë kompjuter për intervista; kërkojini mbështetjes së IT-së të rimarrë kopjen ose të rikthejë kopjen rezervë më të fundit.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database in the data folder belongs to another workstation. Nothing was changed. Ask IT support to put back this workstation&apos;s own database.</source>
        <translation>Baza e të dhënave në dosjen e të dhënave i përket një kompjuteri tjetër. Asgjë nuk u ndryshua. Kërkojini mbështetjes së IT-së të rikthejë bazën e të dhënave të këtij kompjuteri.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of this account is damaged; this was not counted as a wrong password. Log in with another account, or ask a supervisor to reset this account&apos;s password.</source>
        <translation>Çelësi i kësaj llogarie është i dëmtuar; kjo nuk u numërua si fjalëkalim i gabuar. Hyni me një llogari tjetër ose kërkojini mbikëqyrësit të rivendosë fjalëkalimin e kësaj llogarie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database on this workstation is damaged. Nothing was changed. Ask a supervisor to restore the latest backup.</source>
        <translation>Baza e të dhënave në këtë kompjuter është e dëmtuar. Asgjë nuk u ndryshua. Kërkojini mbikëqyrësit të rikthejë kopjen rezervë më të fundit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not log in: %1</source>
        <translation>Hyrja nuk u krye: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Enter your user name and password.</source>
        <translation>Shkruani emrin e përdoruesit dhe fjalëkalimin.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking…</source>
        <translation>Po kontrollohet…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Returnee Screening</source>
        <translation>Verifikimi i të kthyerve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in with your own account.</source>
        <translation>Hyni me llogarinë tuaj personale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Emri i përdoruesit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Fjalëkalimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in</source>
        <translation>Hyr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the recovery code…</source>
        <translation>Përdor kodin e rikuperimit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervisor who forgot the password sets a new one with the recovery code printed at setup</source>
        <translation>Mbikëqyrësi që ka harruar fjalëkalimin vendos një të ri me kodin e rikuperimit të printuar gjatë konfigurimit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="-227"/>
        <source>Damaged database</source>
        <translation>Baza e të dhënave është e dëmtuar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The encrypted database in %1 cannot be read. Nothing was changed and no new database was created.

What to do: close the program, move store.db and keyslots.json out of that folder, copy in the two files of the latest backup (made with &apos;screening backup&apos;), and start again: the same accounts, or the recovery code, open it. Call the IT support desk if there is no backup.</source>
        <translation>Baza e koduar e të dhënave në %1 nuk mund të lexohet. Asgjë nuk u ndryshua dhe nuk u krijua asnjë bazë e re.

Çfarë të bëni: mbyllni programin, nxirrni store.db dhe keyslots.json nga ajo dosje, kopjoni aty dy skedarët e kopjes rezervë më të fundit (të bërë me &apos;screening backup&apos;) dhe nisni përsëri: e hapin po ato llogari ose kodi i rikuperimit. Nëse nuk ka kopje rezervë, telefononi ndihmën teknike.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Wrong password.</source>
        <translation>Fjalëkalimi është i gabuar.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No arrivals are expected today or tomorrow.</source>
        <translation>Nuk pritet asnjë mbërritje sot ose nesër.</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Finalise the interview</source>
        <translation>Përfundimi i intervistës</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After finalising, the answers cannot be changed any more; a supervisor reviews them. Finalise now?</source>
        <translation>Pas përfundimit përgjigjet nuk mund të ndryshohen më; i shqyrton një mbikëqyrës. Ta përfundoj tani?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalise</source>
        <translation>Përfundo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Interview finalised</source>
        <translation>Intervista u përfundua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interview is finalised and saved.

Case reference: %1

Write it on anything handed over with the person; the referral slip and the interview record carry it too.</source>
        <translation>Intervista u përfundua dhe u ruajt.

Referenca e rastit: %1

Shënojeni në çdo dokument që i dorëzohet bashkë me personin; fleta e referimit dhe procesverbali i intervistës e kanë gjithashtu.</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+90"/>
        <source>Print the leaflet</source>
        <translation>Printo fletëpalosjen</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Receiving organisation saved.</source>
        <translation>Organizata pritëse u ruajt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve the interview</source>
        <translation>Miratimi i intervistës</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After approval the interview cannot be returned to the officer any more. Approve now?</source>
        <translation>Pas miratimit intervista nuk mund t&apos;i kthehet më punonjësit. Ta miratoj tani?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>Mirato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The interview is approved.</source>
        <translation>Intervista u miratua.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Returned to the officer.</source>
        <translation>U kthye te punonjësi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The interview is finalised and saved.</source>
        <translation>Intervista u përfundua dhe u ruajt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Something went wrong</source>
        <translation>Ndodhi një gabim</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Returnee Screening</source>
        <translation>Verifikimi i të kthyerve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interview</source>
        <translation>&amp;Intervista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview record…</source>
        <translation>Procesverbali i intervistës…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information leaflet for the person…</source>
        <translation>Fletëpalosja informuese për personin…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Workstation</source>
        <translation>&amp;Kompjuteri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts…</source>
        <translation>Llogaritë…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central and sync…</source>
        <translation>Sistemi qendror dhe sinkronizimi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Cilësimet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarterly report…</source>
        <translation>Raporti tremujor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Gjuha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New interview</source>
        <translation>Intervistë e re</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Faqja kryesore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected arrivals</source>
        <translation>Mbërritjet e pritura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>Kyç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Dil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Mbyll programin</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <location filename="../passwords.py" line="+24"/>
        <source>The password needs at least %1 characters.</source>
        <translation>Fjalëkalimi duhet të ketë të paktën %1 shenja.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two passwords are not the same.</source>
        <translation>Dy fjalëkalimet nuk janë të njëjtë.</translation>
    </message>
</context>
<context>
    <name>QuarterlyDialog</name>
    <message>
        <location filename="../quarterly_dialog.py" line="+58"/>
        <source>Write a quarter (2026Q3), a half-year (2026H2) or a year (2026).</source>
        <translation>Shkruani një tremujor (2026Q3), një gjashtëmujor (2026H2) ose një vit (2026).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quarterly report</source>
        <translation>Raporti tremujor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counts of interviews by checkpoint and outcome. Small counts can point to a person: hide them in a report that leaves the unit.</source>
        <translation>Numri i intervistave sipas pikës së kalimit dhe rezultatit. Numrat e vegjël mund të tregojnë një person: fshihini në një raport që del jashtë njësisë.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period (2026Q3, 2026H2 or 2026):</source>
        <translation>Periudha (2026Q3, 2026H2 ose 2026):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide counts below</source>
        <translation>Fshih numrat nën</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../recovery.py" line="+57"/>
        <source>Checking the code…</source>
        <translation>Po kontrollohet kodi…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the recovery code and the supervisor&apos;s user name.</source>
        <translation>Shkruani kodin e rikuperimit dhe emrin e përdoruesit të mbikëqyrësit.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>Recovery code</source>
        <translation>Kodi i rikuperimit</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>With the recovery code printed when this workstation was set up, a supervisor gets a new password. Put the code back in its safe place afterwards.</source>
        <translation>Me kodin e rikuperimit, të printuar kur u konfigurua ky kompjuter, mbikëqyrësi merr një fjalëkalim të ri. Pastaj vendoseni kodin përsëri në vendin e sigurt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervisor user name</source>
        <translation>Emri i përdoruesit të mbikëqyrësit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>Fjalëkalimi i ri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password again</source>
        <translation>Përsërit fjalëkalimin e ri</translation>
    </message>
</context>
<context>
    <name>ReferralStatusPanel</name>
    <message>
        <location filename="../referral_status.py" line="+52"/>
        <source>Sent to %1 on %2</source>
        <translation>Dërguar te %1 më %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received by %1 on %2</source>
        <translation>Marrë nga %1 më %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted by %1 on %2</source>
        <translation>Pranuar nga %1 më %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined by %1 on %2</source>
        <translation>Refuzuar nga %1 më %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived at %1 on %2</source>
        <translation>Mbërriti te %1 më %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Did not arrive at %1 (%2)</source>
        <translation>Nuk mbërriti te %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed by %1 on %2</source>
        <translation>Mbyllur nga %1 më %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined by %1, referred again on %2</source>
        <translation>Refuzuar nga %1, referuar përsëri më %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn from %1 on %2</source>
        <translation>Tërhequr nga %1 më %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Referrals, as central&apos;s registry reports them</source>
        <translation>Referimet, sipas regjistrit të sistemit qendror</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Central has reported nothing on these referrals yet: the next sync brings it.</source>
        <translation>Sistemi qendror ende nuk ka dhënë asnjë njoftim për këto referime; ai do të vijë me sinkronizimin e radhës.</translation>
    </message>
</context>
<context>
    <name>RepeatField</name>
    <message>
        <location filename="../interview/repeat.py" line="+66"/>
        <source>No more than %1 entries.</source>
        <translation>Jo më shumë se %1 rreshta.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove an entry</source>
        <translation>Heqja e një rreshti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 and its answers?</source>
        <translation>Të hiqet %1 bashkë me përgjigjet e tij?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Hiqe</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Add (Insert)</source>
        <translation>Shto (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No entries yet.</source>
        <translation>Ende asnjë rresht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert adds an entry; Enter goes to the next field; Ctrl+Delete removes the entry you are in; Enter on Add moves on to the next question.</source>
        <translation>Insert shton një rresht; Enter kalon te fusha tjetër; Ctrl+Delete heq rreshtin ku jeni; Enter mbi „Shto” kalon te pyetja tjetër.</translation>
    </message>
</context>
<context>
    <name>RepeatItem</name>
    <message>
        <location line="+84"/>
        <source>Remove (Ctrl+Delete)</source>
        <translation>Hiq (Ctrl+Delete)</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <location filename="../review.py" line="+66"/>
        <source>Return for correction</source>
        <translation>Kthe për korrigjim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What must the officer correct?</source>
        <translation>Çfarë duhet të korrigjojë punonjësi?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Finalised: review the answers, then approve or return.</source>
        <translation>E përfunduar: shqyrtoni përgjigjet, pastaj miratojeni ose kthejeni për korrigjim.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved.</source>
        <translation>E miratuar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>Mirato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return for correction…</source>
        <translation>Kthe për korrigjim…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral slip…</source>
        <translation>Fleta e referimit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving organisation:</source>
        <translation>Organizata pritëse:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="+135"/>
        <source>Saving…</source>
        <translation>Po ruhet…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Settings</source>
        <translation>Cilësimet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Gjuha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auto-&amp;lock after (minutes)</source>
        <translation>&amp;Kyçja automatike pas (minutash)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retention days</source>
        <translation>&amp;Ditë ruajtjeje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personal data of interviews that central has acknowledged is deleted from this workstation after this many days.</source>
        <translation>Të dhënat personale të intervistave që sistemi qendror i ka konfirmuar fshihen nga ky kompjuter pas kaq ditësh.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a supervisor can change it.</source>
        <translation>Vetëm një mbikëqyrës mund ta ndryshojë.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../setup_wizard.py" line="-6"/>
        <source>Set up this workstation</source>
        <translation>Konfiguro këtë kompjuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Prapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Vazhdo &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Përfundo</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../sync_dialog.py" line="+93"/>
        <source>Enter central&apos;s address and the enrolment code.</source>
        <translation>Shkruani adresën e sistemit qendror dhe kodin e regjistrimit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolling…</source>
        <translation>Po regjistrohet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enrolled. The first sync starts now.</source>
        <translation>U regjistrua. Sinkronizimi i parë fillon tani.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+36"/>
        <source>Syncing…</source>
        <translation>Po sinkronizohet…</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Removable media</source>
        <translation>Media e lëvizshme</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 batch file(s) written. Take them to central; they count as sent when central&apos;s receipt comes back with a later sync.</source>
        <translation>U shkruan skedarët e paketave (%1). Çojini te sistemi qendror; ato quhen të dërguara kur vërtetimi i sistemit qendror kthehet me një sinkronizim të mëvonshëm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Central&apos;s certificate</source>
        <translation>Certifikata e sistemit qendror</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This workstation is not enrolled with central. Ask central staff for an enrolment code.</source>
        <translation>Ky kompjuter nuk është i regjistruar në sistemin qendror. Kërkojini stafit të Autoritetit Përgjegjës një kod regjistrimi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never</source>
        <translation>asnjëherë</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolled with %1 as device %2.
Last successful sync: %3. Waiting to be sent: %4 batch(es).</source>
        <translation>I regjistruar në %1 si pajisja %2.
Sinkronizimi i fundit i suksesshëm: %3. Në pritje për t&apos;u dërguar: %4 paketë(a).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync finished.</source>
        <translation>Sinkronizimi përfundoi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch %1 quarantined: %2</source>
        <translation>Paketa %1 u veçua: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interview %1 refused by central: %2</source>
        <translation>Intervista %1 u refuzua nga sistemi qendror: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Central could not be reached; the interviews stay in the outbox and the next sync tries again. (%1)</source>
        <translation>Sistemi qendror nuk u arrit; intervistat mbeten në pritje dhe sinkronizimi i radhës provon përsëri. (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Central</source>
        <translation>Sistemi qendror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central&apos;s address</source>
        <translation>Adresa e sistemit qendror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment code</source>
        <translation>Kodi i regjistrimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (optional)</source>
        <translation>Certifikata (jo e detyrueshme)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Zgjidh…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol this workstation</source>
        <translation>Regjistro këtë kompjuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sinkronizo tani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to removable media…</source>
        <translation>Eksporto në media të lëvizshme…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Mbyll</translation>
    </message>
</context>
<context>
    <name>_AccountPage</name>
    <message>
        <location filename="../setup_wizard.py" line="+74"/>
        <source>Checkpoint and first supervisor</source>
        <translation>Pika e kalimit kufitar dhe mbikëqyrësi i parë</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The supervisor adds the officers&apos; accounts later.</source>
        <translation>Llogaritë e punonjësve i shton më vonë mbikëqyrësi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoint</source>
        <translation>Pika e kalimit kufitar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor user name</source>
        <translation>Emri i përdoruesit të mbikëqyrësit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Fjalëkalimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Përsërit fjalëkalimin</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Creating the encrypted database…</source>
        <translation>Po krijohet baza e enkriptuar e të dhënave…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a user name.</source>
        <translation>Shkruani emrin e përdoruesit.</translation>
    </message>
</context>
<context>
    <name>_LanguagePage</name>
    <message>
        <location line="-62"/>
        <source>Welcome</source>
        <translation>Mirë se vini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sets up Returnee Screening on this workstation. Choose the language; you can change it later.</source>
        <translation>Ky hap konfiguron programin „Verifikimi i të kthyerve“ në këtë kompjuter. Zgjidhni gjuhën; mund ta ndryshoni më vonë.</translation>
    </message>
</context>
<context>
    <name>_RecoveryPage</name>
    <message>
        <location line="+92"/>
        <location line="+22"/>
        <source>Recovery code</source>
        <translation>Kodi i rikuperimit</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>This code opens the database if every supervisor password is forgotten. It is shown only now. Print it or write it down, and lock it away.</source>
        <translation>Ky kod hap bazën e të dhënave nëse harrohen fjalëkalimet e të gjithë mbikëqyrësve. Shfaqet vetëm tani. Printojeni ose shkruajeni dhe mbajeni të mbyllur në vend të sigurt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print or save the recovery sheet…</source>
        <translation>Printo ose ruaj fletën e kodit të rikuperimit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have stored the recovery code in a safe place</source>
        <translation>E kam ruajtur kodin e rikuperimit në vend të sigurt</translation>
    </message>
</context>
</TS>
