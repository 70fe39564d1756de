<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>Initial discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 to %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Q%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 working day left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 working days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 working day overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 working days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 written acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 full response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done, late by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name held in the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of someone whose concern is unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;s email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an email address held in the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a phone number held in the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CHI number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number that looks like a CHI number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;s job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;s employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a word on your organisation&apos;s never-publish list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something that could identify someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this mentions %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About a contracted or primary-care service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ceived on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C became a&amp;ware on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns are normally raised within 6 months of becoming aware.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why a &amp;late concern was accepted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised wit&amp;h:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C &amp;is a:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contracted or primary care:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A GP practice, dentist, pharmacy or optician, or a service the board contracts out: counted in reports and returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example a ward, team or care home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the concern is about. Refer to the person as C, never by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Themes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C cannot have become aware after the concern was received (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was raised more than 6 months after C became aware: record why it was accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a short summary of the concern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one theme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local themes, separated by ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Space to tick a theme. Local themes stay on this laptop and count as Other in returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they should investigate all the same (a small team, say). It is kept with the stage, and the letters say that they had earlier involvement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record why, or choose someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date: type it as dd/mm/yyyy (20/11/2026, 20-11-26 or 20112026 work too), or T for today. Up and Down step a day; Alt+Down opens a calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date as dd/mm/yyyy (or T for today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: type it as dd/mm/yyyy, for example %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date must fall between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is back to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the form (asks first when something was typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next field, previous field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field by its underlined letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a date: today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a date: a day later or earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a date: the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock, from any form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… (%1 in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stage %1 extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signposting of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detriment reported on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feedback of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disclosure of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the conversation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the update of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline, encrypted casebook for NHS Scotland&apos;s confidential contacts and speak up ambassadors, following the National Whistleblowing Standards. Nothing leaves this computer unless you export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the %1 is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its databases are encrypted; back it up from the File menu. Backups may go anywhere, the casebook itself stays on this computer&apos;s own disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>The written acknowledgement is due by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date acknowledged in writing:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Add an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning may be &amp;published (it names nobody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why not adopted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the organisation learned or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date it was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason the recommendation was not adopted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionsTab</name>
    <message>
        <source>Actions and learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning publishable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning for the selected action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an action to read its learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign off or update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect or remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often updates are given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates to C after closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What C was told about the actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree update &amp;frequency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an update &amp;given…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or remo&amp;ve the update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After closure: updates to C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No actions recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed with C: updates %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often C hears about the actions after closure has not been agreed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not adopted because: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddHolidayDialog</name>
    <message>
        <source>Add a local holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local public holiday is not a working day: every due date that spans it moves on by a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example, Victoria Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is already a Scottish bank holiday ({name}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is already a local holiday ({name}); this renames it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is a weekend day, so no due date moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (100 characters at most).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is an encrypted copy of the whole casebook, checked after it is written. It opens with the passphrase or the recovery key, on this laptop or another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the casebook&apos;s own &amp;backups folder (the last 10 are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up into the casebook&apos;s own folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;another folder (a USB stick or a network share):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up into another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written and checked ({n} concerns): {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardCreatePage</name>
    <message>
        <source>Choose a folder for the board&apos;s store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the board&apos;s store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s store keeps the returns sent by reporting units, encrypted on this computer. Units encrypt their returns to the board&apos;s key, so only this store can open them. Only someone who knows the passphrase (or holds the recovery key) can open the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example, NHS Forth Valley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board store folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the board store folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an existing age &amp;identity file (made with age-keygen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an existing age identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the age identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity file message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a file, a new identity is made for the board. Use a file only if the board already has an age identity that units encrypt to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create board store message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create board store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the board store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the age identity file, or untick the box to make a new identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the board&apos;s age identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity (*.txt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the identity file, or untick the box to make a new identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units will encrypt to {recipient}
Fingerprint: {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the board store… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board store was not created: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardRecoveryKeyDialog</name>
    <message>
        <source>The board store&apos;s recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the only time Casebook shows this key. If the passphrase is forgotten, the recovery key is the only way back into the board&apos;s store, and anyone who has it can open the store and read every return. Write it down and keep it locked away, apart from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units encrypt their returns to this key (it is not secret). You will find it again under Units once the store is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{recipient}
Fingerprint:
{fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s key for units, and its fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue to unlock the board store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardUnlockView</name>
    <message>
        <source>The board&apos;s store is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the board store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board store: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <source>Casebook: the board&apos;s returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import returns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the board&apos;s store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board store is ready. Unlock it with your new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder holds a board store: unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook: {board}&apos;s returns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardWorkspace</name>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports and trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Casebook is doing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Ctrl+Enter saves; Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the form?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this form? What you typed is kept as an encrypted draft and offered again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close and keep draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this form without saving? What you typed will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before saving, replace what the identity check found, or keep it as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for identifying text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasebookShell</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase needs at least 12 characters; a few unrelated words work well. The recovery key stays the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase confirmation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the current passphrase; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was not changed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassChangeDialog</name>
    <message>
        <source>Named, unnamed or anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is %1. A change is something that happened after it was received (the person came forward and agreed, or asked not to be named): the figures already made stay as they were. A correction says it was recorded wrongly: the figures follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change or correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A c&amp;hange: it happened later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A c&amp;orrection: it was recorded wrongly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is &amp;now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date (of agreement, for a change to named):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ho&amp;w they agreed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with the concern&apos;s history and shown on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what the concern is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A named concern needs the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how they agreed to use the procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Withdraw or transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this when C withdraws the concern, or it moves to another procedure (for example grievance or dignity at work). A full response closes a concern by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C &amp;withdrew the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transferred to another procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason or procedure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a transfer, name the procedure it went to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the procedure the concern was transferred to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>Correct the closure or decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the date or reason of a withdrawal, transfer or decision, or undo it if it should not have been recorded: the concern is open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eopen: it should not have been recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColleaguesPanel</name>
    <message>
        <source>This casebook&apos;s handover address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of this casebook&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this casebook&apos;s handover address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this address to a colleague who will take concerns from you or hand them to you, and read the fingerprint to each other by phone. It holds no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues you trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust a colleague…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a colleague&apos;s handover address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop trusting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop trusting the selected colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a colleague first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now a trusted colleague.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcernForm</name>
    <message>
        <source>%1 is before the concern was received (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcernListView</name>
    <message>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;lumns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the list&apos;s columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search concern text and conversation notes (never who raised them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by &amp;person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a concern by the person who raised it (a reveal, audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search above never matches who raised a concern. This looks a person up by name, email or phone, with a reason written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show overdue concerns only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of concerns shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 concerns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcernTableModel</name>
    <message>
        <source>{day} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} (due today)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcernWorkspace</name>
    <message>
        <source>Concern records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues and outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions and learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record only what the person agreed. Without a consent that covers the colleague taking over, a handover leaves their identity behind (and this casebook no longer holds it afterwards).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their identity may be passed to &amp;whoever takes over their concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may be shared with someone &amp;named:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the identity may be shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the person agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in conversation, by email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the person agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How they agreed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationForm</name>
    <message>
        <source>Edit conversation notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes of a conversation with C about concern %1. Your typing is kept as an encrypted draft until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date held:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer to the person as C, never by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disc&amp;ard notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close and keep draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and keep draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered notes you were typing (last kept %1). They are still a draft until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the notes of the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the notes typed in this form? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes of the selected conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a conversation to read its notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a conversation… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect or remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations logged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyableTable</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct or remove: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct what was recorded wrongly (the figures follow), or remove a record that should not have been made. Either way the reason is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move it: it should not have been recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateCasebookPage</name>
    <message>
        <source>Choose a folder for the new casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The casebook keeps every concern encrypted on this computer. Only someone who knows the passphrase (or holds the recovery key) can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example, NHS Lothian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example, Acute Services Division</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting unit problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the casebook folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook folder problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reporting unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create casebook message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the first-run choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the casebook… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The casebook was not created: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateStorePage</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines in short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial discussions in short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial discussions, longest waiting first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late actions in short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions past their due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open concerns by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overdue, %2 due today, %3 due in the next %4 working days (to %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due in the next %1 working days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No concern is waiting at the initial discussion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the initial discussion; %2 waited %3 working days or more: worth agreeing with C whether to use the procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the initial discussion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action is past its due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 open action is past its due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open actions are past their due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, so far:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: %1 at stage 1 and %2 at stage 2; also %3 anonymous and %4 unnamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: %1 at stage 1 (%2 within 5 working days) and %3 at stage 2 (%4 within 20 working days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions authorised: %1 at stage 1 and %2 at stage 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial discussion: {none}
Stage 1: {one}
Stage 2: {two}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full response</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this whistleblowing, and does C agree to use the procedure? If not, record why, and signpost C to the INWO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the procedure at stage &amp;1 (early resolution)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the procedure at stage &amp;2 (investigation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Business as usual: already being handled another way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not taken forward under the Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date decided:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C &amp;agreed to use the procedure on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How C agreed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who will handle the concern (you can add this later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A written response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both agreed a written res&amp;ponse is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both agreed n&amp;o written response is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discussed y&amp;et</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how C agreed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <source>Destroy records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records will be destroyed for good: the identity of the person who raised each concern first, then every word of the record. The dates and codes the figures count stay, so no figure changes. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records to destroy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. end of the retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy records that are not yet &amp;due (say why in the reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleague&apos;s signed approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase, again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed: %1. The casebook&apos;s own backups were remade (%2 destroyed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 older one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 older ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase, again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups that still hold the destroyed identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destroy for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleague&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroying, then remaking the backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These backups were made elsewhere before the destruction and still hold the destroyed identities until they are destroyed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the destruction certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetrimentDialog</name>
    <message>
        <source>Record detriment reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record detriment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something C says happened to them because they spoke up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date reported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What C reported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe what C reported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Record a disclosure of identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share C&apos;s identity only with the people C agreed to, or where the law requires it. Every disclosure is recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Told &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person who was told (a member of staff).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date told:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On what &amp;footing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consent date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who was told the identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason the identity was shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsBanner</name>
    <message>
        <source>Unsaved notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume typing the unsaved notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are conversation notes you have not saved yet (last typed %1). They are kept as an encrypted draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are %2 sets of conversation notes you have not saved yet (the latest typed %1). They are kept as encrypted drafts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate to stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 2 is an investigation: a written acknowledgement is due within 3 working days and a full response within 20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date escalated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 2 &amp;handler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not anyone involved in the events or in the stage 1 decision. You can add this later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Concerns held in this casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the selected concern&apos;s person&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleague taking over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each identity where the person&apos;s &amp;consent covers the colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. going on long leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identities:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck what would go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what the handover would carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the handover package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the handover would carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After saving, this casebook keeps these records read-only, marked as handed over, and no longer holds their identities, sent or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a colleague first (the Colleagues tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whoever takes over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a concern first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent recorded for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WITHOUT the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover packages (*.age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the package and removing the identities here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package saved to %1. Send it to %2; these records are now read-only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 backup made elsewhere before now still holds the identities until it is destroyed (see Records, Retention).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 backups made elsewhere before now still hold the identities until they are destroyed (see Records, Retention).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>The stage %1 response is due by %2. An extension needs who authorised it, why, and the new date C is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the time to respond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C has been told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date &amp;authorised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New due date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C &amp;told of the new date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C cannot be told of the new date before the extension was authorised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date C was told</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Record feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would C &amp;speak up again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In C&apos;s words where possible; no names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindPersonDialog</name>
    <message>
        <source>Find a concern by the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list&apos;s search never matches who raised a concern. Looking a person up here shows who they are, so it is a reveal: your reason is written to the audit log, with the date and time, before anything is looked up (never the words you type).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, email address or phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Siobhan, or 07700 900123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for looking up the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: C phoned and gave only a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name, email or phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People found and their concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person, then each concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find, writing the reason to the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unnamed concern: the name&apos;s fingerprint matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 concern found. Select it and press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 concerns found. Select one and press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody held in this casebook matches that.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Record the name&apos;s fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record fingerprint only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is unnamed: the casebook must not hold the person&apos;s name. Type it here and only a fingerprint is kept, from which the name cannot be read back. Casebook then recognises the name when it is typed into case text, here and in other concerns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s name (not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgotten as soon as the fingerprint is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name whose fingerprint to record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>Choose a casebook folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no casebook in {folder} yet. What would you like to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start afresh: set the organisation, reporting unit and a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open an existing casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder of a casebook already on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an existing casebook folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a casebook back from a backup, for example onto a new laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a casebook from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open casebook message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a casebook in {folder}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no casebook in {folder}. Choose the folder that holds cases.db, or restore from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the casebook in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The casebook is ready. Unlock it with your new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The casebook was restored. Unlock it with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderRow</name>
    <message>
        <source>C&amp;hange…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormMessages</name>
    <message>
        <source>About the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs putting right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrequencyDialog</name>
    <message>
        <source>How often updates are given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What C and you agreed: how often C hears about the actions after the concern is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agreed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: monthly until the actions are signed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what was agreed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlerDialog</name>
    <message>
        <source>Set the handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who handles stage %1. Not anyone involved in the events%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or in the stage 1 decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the handler.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stepping down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadcountDelegate</name>
    <message>
        <source>Staff headcount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidayEditor</name>
    <message>
        <source>Local holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the holiday and recalculating due dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking the day as worked and recalculating due dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the local change and recalculating due dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holidays saved; due dates recalculated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidaysPanel</name>
    <message>
        <source>Scottish bank holidays are built in. Add your organisation&apos;s local holidays, or mark a bank holiday your organisation works. Changes are saved at once and due dates are recalculated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add local holiday…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a local holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as &amp;worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected bank holiday as worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation works this bank holiday: it counts as a working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move local change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected local change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a local holiday, or make a worked bank holiday a holiday again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scottish bank holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked here (a working day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityCheck</name>
    <message>
        <source>Keep the text as written?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case text refers to the person as C, and other people&apos;s names are kept out of it. Keep it as written only where it must be (a note quoting someone, for example). That you kept it is written to the audit log: which field and what kind, never the words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityCheckPanel</name>
    <message>
        <source>Check every concern&apos;s text (notes, summaries, findings, learning, drafts and the rest) against everyone held in the identity store, your lists and the patterns of contact details, CHI numbers and dates of birth. A name given after notes were written is found in them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck every concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every concern for identifying text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;place in this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace what was found in the selected field: C&apos;s name with C, others with [name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concern of the selected finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the check found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying text found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every concern&apos;s text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 piece of text may identify someone. Replace it, or open its concern to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pieces of text may identify someone. Replace each, or open its concern to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1 pieces of text: nothing that identifies anyone was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not yet recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentions %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %1 of %2. %n left to look at.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentityListsPanel</name>
    <message>
        <source>Casebook checks everything typed into a concern for names, contact details, CHI numbers and dates of birth. Add words that identify people here though they are nobody&apos;s name, and your organisation&apos;s own contact details, which letters and notes quote and which should never be flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged wherever they are typed, and masked like a name (for example a tiny team&apos;s name, or a post only one person holds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A word or phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s own phone numbers and email addresses, never flagged. The INWO&apos;s freephone is always allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number or email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list was saved; checks use it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityNotice</name>
    <message>
        <source>Identity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the identity check found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace with C and [name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace what was found: C&apos;s name with C, anyone else&apos;s with [name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep as written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the text as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text typed here is checked for names, contact details and other identifying details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for names and contact details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept as written: %1 The audit log records that you kept it (which field and what kind, never the words).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: no names or contact details found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more field too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more fields too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case text calls the person C.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a spreadsheet log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring concerns in from a .csv or .xlsx file laid out like the template. The whole file is checked first, and nothing is imported while any problem remains. Rows already in the casebook (the same reference and content) are left as they are. Names, emails and phone numbers go to the identity store, as if typed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the C&amp;SV template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the CSV template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;Excel template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Excel template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file, or drag one onto this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file without importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the checked file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;place names in case text with C and [name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace each row&apos;s own person&apos;s name with C and other held names with [name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise a summary or note that names someone is a problem to put right in the file. Email addresses, phone and CHI numbers nobody holds are never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the check or import found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y the problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the problems as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems to put right in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the spreadsheet to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file to see what would be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(headings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(whole row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and %1 more problems, not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put them right in the spreadsheet, save it, and check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been written yet: press Import to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are in the concerns list now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the template to %1. Fill it in, then choose it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>A package is accepted only from a colleague you trust, and only when it was made for this casebook. Nothing arrives until you import it, and then all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a handover package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who sent the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import all of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import everything in the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover packages (*.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 (fingerprint %2), handed over on %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without (no consent covered you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (anonymous or unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (coming back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1, %2 with the identity. The handover is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 concerns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Edit intake details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chan&amp;ges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct details recorded wrongly. Corrections are recorded in the audit log (which fields, never their contents) and shown on the timeline with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C agreed to use the &amp;procedure on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How C agree&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the c&amp;orrection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with the correction and shown on the timeline; the figures follow the corrected details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how C agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the details are corrected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>Intake details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit intake details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(decided %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvolvedDialog</name>
    <message>
        <source>Someone involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff involved in the events the concern is about, or in a decision on it. None of them may investigate at stage 2 without a recorded justification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How they were involved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the person involved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Add an issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A concern may raise several separate issues; each gets its own outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service it is about:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signposting in letters follows each issue&apos;s service: the INWO for NHS services, another body for local-authority ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found and how. Refer to the person as C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is about NHS and local-authority services: say which this issue is about.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuesTab</name>
    <message>
        <source>Overall outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 1 outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 2 outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings for the selected issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an issue to read its findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;findings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect or remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage %1: %2 (responded %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage %1: no response yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall outcome: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The concern has not entered a stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No issues recorded yet. Add each separate issue the concern raises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings recorded for this issue yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeepRecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;I have stored the recovery key safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have stored the recovery key safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the key first, then tick the box: it will not be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KindsPage</name>
    <message>
        <source>Quarterly report to the board meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual report (INWO, published): NHS services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IJB report for one HSCP: local-authority services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes and trends across units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports and trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports the board sends, each for whom it is meant, and the trends across units and quarters. The quarterly report is for a quarter; the annual report for a financial year; the IJB report for one HSCP; the trends end with the period chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarters in the trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;uarters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;publication: hide small numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide counts below this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 2: the experience of everyone involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 2: the experience of everyone involved in the procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 3: staff perceptions, awareness and training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 3: staff perceptions, awareness and training (numbers trained, survey results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the &amp;statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the board&apos;s statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s own statements for this year (annual report):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report&apos;s figures as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IJB report is for one HSCP: choose the unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no theme or unit meets the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping the statements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s statements for {year} are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for publication</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiReportView</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The INWO key performance indicators for a period, worked out from the concerns in this casebook. Nothing here identifies anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For p&amp;ublication (hide small numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For publication: hide small numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What for publication means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the KPI report as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the KPI figures as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the figures for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the figures against earlier publications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the figures were not protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These figures cannot be published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers from 1 to %1 are hidden (the small-number threshold is %2, set in Settings), and other numbers too, so that none can be worked out from the rest of this report or from earlier publications. Hidden figures show as *; percentages and averages made from them are hidden too. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small numbers are hidden so that nobody can be identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal: exact figures, not for publication. Tick this box to hide small numbers before sharing the report outside the organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the KPI report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for publication, with small numbers hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal, with exact figures: not for publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the report for %1 (%2) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiTables</name>
    <message>
        <source>4. Concerns received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns that entered each stage in the period. A concern moved from stage 1 to stage 2 counts once at each stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous and unnamed concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the Standards, so counted here and in none of the stage figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Concerns closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed in full (a full response with an outcome) at each stage, as a percentage of all concerns closed in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6. Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upheld, partially upheld and not upheld, as a percentage of the concerns closed in full at that stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7. Average time for a full response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average working days from entering the stage to the full response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8. Closed within the timescale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 5 working days at stage 1 and 20 at stage 2, whatever an extension allowed, as a percentage of those closed in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9. Extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns that entered the stage in the period and had an extension authorised, as a percentage of all that entered it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns closed in other ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not closed in full, so not in KPIs 5 to 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the concerns received were about. A concern can have several themes, so they add up to more than the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at
stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at
stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous
or unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning statements approved for sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning statements note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Learning approved for sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden figures note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total at both stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total closed in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: average working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: full responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: within %2 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: over %2 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: extension authorised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to another procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken forward under the Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* hidden to protect confidentiality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked publishable and signed off in this period; the same statements go in the return to the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Email addresses, phone numbers and CHI numbers are masked for publication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learning statements were approved for sharing in this period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterCopyDialog</name>
    <message>
        <source>Re-issue a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-print a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter is made again from its text as sent, to the person&apos;s details as held now, and recorded as a new letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter exactly as it was sent, from the copy kept with the person&apos;s identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date on the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date on the letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for showing the identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make and save the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for showing the identity: it is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put right what is marked above, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making and saving the letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Write a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the letters available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where local-authority issues are signposted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other body&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtension:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local-authority &amp;body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written for the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;rite the letter from these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the letter&apos;s text from these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the fields above, then press Write the letter: its whole text appears here to read and edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter text problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date on the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the letter&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date o&amp;n the letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the &amp;identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is %1 and has no named raiser with an identity held, so there is no one to address a letter to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter is recorded on the concern and kept with the person&apos;s identity; the reveal is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter is written to the person, as &quot;you&quot;: write what it says about the concern for them below (nothing is taken from the case notes), then read and edit the whole letter. Their name is filled in only when you save, which shows their identity: it is written to the audit log with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the letter is to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make and save the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the concern…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a letter for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No letter can be written for this concern yet: record a response, an extension, escalation or decision first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the named contact for letters first (Settings, Letters): every letter gives the person someone to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available for this concern yet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the letter again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter&apos;s text has been edited. Writing it again from the fields replaces those edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the event the letter is about; change it if the letter goes out on another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no date recorded yet, so the letter is dated today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for showing the identity: it is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no letter to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the letter from the fields first, then read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the body for local-authority services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put right what is marked above, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the letter for identifying text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before saving, take out what the identity check found, or keep it as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making and saving the letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1, protected with the password you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. It is not protected with a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving the letter? What you wrote for it will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterNotice</name>
    <message>
        <source>R&amp;eplace with [name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace anyone else&apos;s details with [name], [phone] and so on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter names nobody but the person it is to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every letter gives the person a named member of staff to contact with questions, and is signed by someone: the named contact unless you choose another for a kind of letter. Staff only: never the person who raised a concern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named contact&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named contact&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named contact&apos;s work phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named contact&apos;s work email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address for replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the named contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save who signs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save who signs this letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body&apos;s name, as a letter says it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body&apos;s website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sentence about the body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the body&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the published details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs each letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signposting bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The named contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The named contact was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs it was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body&apos;s details were saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body&apos;s published details are back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <source>Each letter made is recorded here; the letter itself, which names the person, is kept with their identity and goes with it. Re-issue makes it again (a new letter, to a new address say); re-print gives it exactly as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the event of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write a letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;print exactly as sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person who raised it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raiser %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a re-issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No letters made yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New concern…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log a conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;oncern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the &amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from an older backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To use the current passphrase here too, change the passphrase in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the current passphrase on this casebook too?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restored casebook now opens with the current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {n} concerns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a concern first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewConcernDialog</name>
    <message>
        <source>New concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what C raised. Case records refer to the person as C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who raised it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;med: C agreed to be identified to the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unnamed: you know who, the record must not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anon&amp;ymous: nobody knows who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who raised it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed and anonymous concerns are recorded and counted separately; they cannot go through the Standards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for the fingerprint (not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name&apos;s &amp;fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Type the name and only a fingerprint is kept, never the name, so that Casebook recognises it when it is typed into notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial discussion (decide later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage &amp;1: early resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage &amp;2: investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C a&amp;greed to use the procedure on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ho&amp;w C agreed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Han&amp;dler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person (kept apart, in the separately encrypted identity store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown only through Reveal, with a reason. While you type they are kept in the identity store too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered the concern you were recording, with the person&apos;s details. It is still a draft until you record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s name (kept apart, in the identity store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent date must fall between the received date and today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how C agreed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Set a new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery key opened the casebook. Choose a new passphrase now: at least 12 characters; a few unrelated words work well. The recovery key stays the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase confirmation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the new passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was not changed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase confirmation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least 12 characters. A few unrelated words work well and are easier to remember than a jumble of symbols. Nobody can reset it for you: keep the recovery key you will be shown next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} characters; a few unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not strong enough to use yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: add another unrelated word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: another word would make it stronger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayloadTree</name>
    <message>
        <source>What is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything the return would send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfSaveOptions</name>
    <message>
        <source>Warning: the file leaves the encrypted casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the file with a pass&amp;word (AES-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the file with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone opening the file will need this password: tell it to them separately (by phone, not in the same email). It cannot be recovered if it is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the file will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to save problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save without a password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file shows the person&apos;s identity. Without a password anyone who gets a copy can read it. Save it without one? (The audit log records that it was saved unprotected.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least %1 characters (%2 more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>Financial year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial &amp;year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first day: choose dates the right way round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>The person is referred to as C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the person&apos;s identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the identity has been shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the concern&apos;s class changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal the person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the name&apos;s &amp;fingerprint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit details and consents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Named, unnamed or anonymous…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other people who raised it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed to the procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link &amp;another person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect or unlink…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their detail&amp;s and consents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people raising the same concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each person has their own record (named, unnamed or anonymous, with their own consent and letters). The concern is counted once: at its stages if anyone named agreed, and among the anonymous or unnamed as well when someone raised it so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is anonymous: nobody knows who raised it, so there is no identity to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is unnamed: you know who raised it, but the casebook must not record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fingerprint of the name is recorded, so the identity check finds the name where it is typed; the name itself is not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may record a fingerprint of the name (never the name itself), so that the identity check finds it where it is typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;s identity is kept apart from the case, in a separately encrypted store. Revealing it asks for a reason, which is written to the audit log with the date and time, and shows who has already been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No identity is held for this concern (it may have been destroyed at the end of the retention period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity has not been shared with anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity has been shared once; Records shows with whom and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity has been shared %1 times; Records shows with whom and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was %1 when received, and changed later: the figures already made count it as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It came within the Standards on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (identity held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no identity held)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonRecordDialog</name>
    <message>
        <source>The person&apos;s details and consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raiser %1&apos;s details and consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason to show the detai&amp;ls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are held apart from the case. Showing them is written to the audit log with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;corrected details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the corrected details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents to share the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May go to whoever takes &amp;over the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May go to whoever takes over the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How gi&amp;ven:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move the selected consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was saved, or what is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a consent in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the selected consen&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add as a new consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the correct&amp;ion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for showing the identity: it is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why in Reason for the correction: it is kept with the correction and shown on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no detail was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded on the concern&apos;s timeline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickUnlock</name>
    <message>
        <source>Quick unlock did not work (the system keyring no longer holds this casebook&apos;s key); use the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickUnlockButton</name>
    <message>
        <source>&amp;Quick unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock with the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with the key kept in this computer&apos;s secure keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaiserDialog</name>
    <message>
        <source>Link another person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raiser %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else raised the same concern. They get their own record (named, unnamed or anonymous, their own consent and letters); the concern is counted once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct this person&apos;s record, or unlink them if they were linked by mistake (their identity and letters are then deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlink them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unnamed: you know who, the record must not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anon&amp;ymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raised it on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greed to use the procedure on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ho&amp;w they agreed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date they raised it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both the date they agreed and how, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They cannot agree before they raised it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A named raiser needs their name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Signposting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signposted to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detriment reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What C reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would speak up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosures of identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Told to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On what basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How they were involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;signposting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;detriment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a dis&amp;closure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People involved in the events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add someone &amp;involved…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect or remove the selected record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signposting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a detriment report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record in any list above to correct or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubject access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down or print your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the only time Casebook shows this key. If the passphrase is forgotten, the recovery key is the only way back into the casebook, and anyone who has it can open the casebook. Keep it locked away, apart from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print recovery sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print recovery sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery sheet is not available in this version of Casebook; write the key down by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves a PDF to print; delete the file once it is printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery sheet message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue to unlock the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook recovery sheet.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the recovery sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}. Print it, store the paper safely, then delete the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet was not saved: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterUnitDialog</name>
    <message>
        <source>Register a reporting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the unit for its public key: in Casebook it is the first line printed by `casebook unit-key`. Then read the fingerprint below to each other by phone: every group must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as set in the unit&apos;s casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one line of base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of the unit&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is registered already: &amp;replace its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the key of a unit already registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register unit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the unit&apos;s public key: one line of base64 from `casebook unit-key` (44 characters, ending in =).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(shown once the key is pasted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit was not registered: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s figures for the period: the total of every unit&apos;s return, and each unit beside it. Averages and percentages are worked out from the added counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;publication: hide small numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide small counts, and any figure that would let one be worked out, as in the published report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide counts below this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide counts &amp;below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the figures as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No returns are held for {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No return from: {units}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact figures, for the board&apos;s own use: tick “For publication” to see them as they will be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partially upheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 4: concerns received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at both stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per 1,000 staff (both stages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous concerns (outside the Standards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed concerns (outside the Standards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 5: concerns closed in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at {stage} (% of all closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 6: outcomes (% of those closed at the stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{Stage}: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 7: average working days to a full response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 8: closed in full within timescale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{Stage}: within {days} working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 9: extension authorised (% of those received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to another procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken forward under the Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the board&apos;s report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{board} whistleblowing report {period}{extra}.{kind}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportSaver</name>
    <message>
        <source>Save P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {out}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not saved: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>The full response at stage %1, due by %2. It closes the concern at this stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the full response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of the response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall &amp;outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome for each issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of issue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary of the response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings and how they were reached, any apology and the actions planned. Refer to the person as C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the overall outcome: upheld, partially upheld or not upheld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose this issue&apos;s outcome.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <source>Restore a casebook from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup folder (from the casebook&apos;s backups, a USB stick or a network drive) and a new or empty folder on this computer. After restoring, unlock the casebook with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder named casebook-backup-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore into folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to restore into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore into folder problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ba&amp;ckup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the first-run choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new or empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the casebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored into {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>The retention policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person destroys records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two people: a trusted colleague&apos;s signed &amp;approval is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records and when they are due for destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the &amp;due ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destroy the ticked records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the ticked records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups elsewhere that still hold identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found there now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup holds the casebook as it was. These were written elsewhere before the last destruction or handover and still hold identities this casebook no longer does, until they are destroyed; Casebook cannot reach them to do it unless the drive is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the selected &amp;backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups made elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records are destroyed %1 after they end (closed, decided business as usual, or handed over). Change the period in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (due now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the records to destroy first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed the backup %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnView</name>
    <message>
        <source>Return to the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board adds up the returns of every unit for its quarterly and annual reports. A return holds counts only, and the learning statements you marked publishable: no names, no notes, no references, no dates finer than the period. Preview it to see every figure that would leave this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of the board&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the board&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings to set the board&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted to the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the return for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save return &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the previewed return as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning statements that stop the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it cannot be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning statements that may identify someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return was not built. Edit each statement in its concern&apos;s actions, or untick &quot;publishable&quot; there, then preview again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact text the return would send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the exact &amp;JSON that is signed and sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the exact JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning statements in the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the learning statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the return would send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning statements:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The casebook has changed since this preview: preview again to include the changes. Saving now sends the preview as shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the return for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the board can open a saved return. Check this fingerprint with the board&apos;s whistleblowing lead by phone: every group must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No board key is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A return is encrypted to the board&apos;s public key, so that only the board can read it. Ask the board&apos;s whistleblowing lead for it (it starts with age1) and enter it in Settings. You can preview the return without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return for %1 cannot be built: a learning statement may identify someone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return for %1 cannot be built: %2 learning statements may identify someone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These statements, exactly as written, are in the return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learning statements are marked publishable and signed off in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is everything the return for %1 would send, built on %2. Nothing has been saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the return file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted returns (*.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing and encrypting the return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the return for %1 to %2. It is signed with this unit&apos;s key and encrypted to the board&apos;s key (fingerprint %3), so only the board can open it. Send this file to the board.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the return files units send you. Each is decrypted, its signature checked against the unit&apos;s registered key, and kept; a newer return for the same unit and period replaces the older one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop return files anywhere on this page, or choose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop return files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose return files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose return files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop importing after the current file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the list of files imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns &amp;held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Files imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns (*.age *.return);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to import these files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing 1 file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {total} files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported 1 file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {done} files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of 1 file looked at: {changed} imported or replaced, {refused} refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of {total} files looked at: {changed} imported or replaced, {refused} refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced an older return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already held (unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}, {period}: made {made}; replaces the return made {older}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}, {period}: this return is already held; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}, {period}: made {made}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Reveal the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who raised %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s identity is kept apart from the case record. Showing it is written to the audit log with your reason, the date and time. Show it only when you need it, and with no one else able to see the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for showing the identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown for the reason you gave; closing this window hides it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents to share the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who has already been told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Told to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C agreed the identity may be shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: give a reason for showing the identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting unit problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting &amp;unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;quick unlock with this computer&apos;s keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days the dashboard looks ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days at the initial discussion before it is pointed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look a&amp;head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working days for deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point out an &amp;initial discussion after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working days waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period in years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long after closure a concern&apos;s records are kept (the organisation&apos;s records management policy). At the end, the identity is destroyed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small-number threshold for publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small-number threshold note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In published figures, counts below this number are hidden so that nobody can be identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records and publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>years after closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Small-number threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board key problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of the board&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns are encrypted to this key, so that only the board can read them. Check the fingerprint by phone with the board&apos;s whistleblowing lead: every group must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Board&apos;s key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase on this computer, while you are logged in to it. Anyone using your computer account could open the casebook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure system keyring is available on this computer, so quick unlock cannot be used; use the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no key yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning quick unlock on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning quick unlock off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignpostDialog</name>
    <message>
        <source>Record signposting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record signposting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For NHS services, signpost to the INWO; for local-authority services in an HSCP, to the Care Inspectorate or another appropriate body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signposted &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name of the body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signposting date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the body C was sent to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageCorrectionDialog</name>
    <message>
        <source>Correct stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a date, the outcome or the summary recorded wrongly; clear a date that should not have been recorded. The figures follow the correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move the escalation: the concern was not escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full response needs its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which units have sent their return for the period. For a financial year, a unit has sent when the board holds its annual return or all four quarterly returns. To record a unit&apos;s staff headcount for the period (for concerns per 1,000 staff), select its headcount and press F2, or double-click it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns by unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In on time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns &amp;due on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set d&amp;ue date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units that have sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent (quarters {quarters})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly sent: only {quarters} of the four quarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F2 or double-click to record the staff headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns for this period are due on {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date is set for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sent} of {total} units have sent their return for {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No units are registered yet: register them under Units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the due date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff headcount is a whole number of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the headcount…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff headcount for {unit}, {period}: {headcount:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SteppingDownView</name>
    <message>
        <source>Before a casebook is retired: open concerns handed over to a colleague, the returns still owed sent to the board, the records due for destruction destroyed, and a final backup left where the organisation chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the casebook can be retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What remains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records due for destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s place for the final backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the final backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the final backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the final &amp;backup there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the final backup in that folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About stepping down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open concerns handed over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still held here and open: %1. Hand them over (Hand over tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A return built for every quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No return built yet for %1 (Return to the board).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record is due for destruction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due for destruction: %1 (Records, Retention).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place chosen for the final backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final backup in %1, made %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup in %1 since the last change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to retire this casebook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready to retire yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the final backup and checking it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final backup written and checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after {minutes} minutes without use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectAccessPanel</name>
    <message>
        <source>A subject access request gets everything the casebook holds about the person, as a PDF. Review it before release: names the casebook does not hold are not masked. The PDF identifies people: keep it safe and delete it when sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person who &amp;raised a concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person &amp;named in concerns (their raisers are withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference of their concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. WB-2025-0001 (for a named person: blank searches every concern)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The named person&apos;s full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for the PDF (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the subject access PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none mention them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (%2). Review it before release.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Case summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redacted (the person is called C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full version (shows the person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full summary, showing the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the full version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the &amp;identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for showing the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make and save the case summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the concern…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case summary for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This concern is %1: no identity is recorded, so there is only the redacted summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full version shows who raised the concern, so it is a reveal: it is written to the audit log with your reason, the date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact details, and the names, email addresses and phone numbers held in the casebook are masked wherever they appear in the notes. No reason is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full case summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for showing the identity: it is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put right what is marked above, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making and saving the summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the redacted summary to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the full summary to %1, protected with the password you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the full summary to %1. It is not protected with a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to read its details: the summary, reasons or response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalate to stage 2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;knowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;response…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw or transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;handler…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or remove the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial discussion: no decision yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both agreed a written response is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both agreed no written response is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C agreed to use the procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entered on receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>involved earlier (%1); justified: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C told %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C not yet told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new date %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension %1, authorised by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust a colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the handover address your colleague&apos;s casebook shows (Handover, Colleagues: &quot;This casebook&apos;s address&quot;). Whoever holds it will be sent concerns and the identities their consent allows, and can approve your destructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleague&apos;s handover address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleague&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleague&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. confidential contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I read this fingerprint with them by phone and it &amp;matches theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint matches theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the colleague&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitKeyBox</name>
    <message>
        <source>This unit&apos;s key, for the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit&apos;s public signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of this unit&apos;s public signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit key note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this key to the board&apos;s whistleblowing lead, who registers it for this reporting unit; returns are signed with it. Read the fingerprint to them by phone to check it arrived unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Reporting units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A return is imported only from a registered unit, signed with the key registered for it. Register each unit with the public key it gives you, and check the fingerprint with the unit by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered reporting units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register unit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a reporting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s key for units (age recipient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of the board&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give units this key: in Casebook&apos;s Settings it goes under “The board&apos;s public key”. Read the fingerprint to them by phone: every group must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the board&apos;s key for units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the board&apos;s secret identity to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the board&apos;s secret key to a file, for the standard age tool and for safekeeping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This board&apos;s key, for units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key (a&amp;ge recipient):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No units are registered yet. Register each unit that will send returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered {name} with key fingerprint {fingerprint}; check it against the one the unit sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s key is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the board&apos;s secret identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file will hold the board&apos;s secret key in the clear. Anyone with it can read every return sent to this board.

Keep it offline (an encrypted USB stick in a safe), and delete any working copy once used. Export it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the board&apos;s identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the identity file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{out} holds the board&apos;s secret key in the clear (readable by you alone). Keep it offline and delete any working copy once used. Open a return with it: age -d -i {out} RETURN-FILE | tar -x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity was not exported: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Casebook is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have forgotten the passphrase: use the &amp;recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with the recovery key instead of the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the {what}&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <source>Record an update to C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed: updates %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frequency of updates has been agreed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What C was &amp;told about the actions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what C was told about the actions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkProgress</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Casebook is doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the work in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceHeader</name>
    <message>
        <source>← &amp;Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log a conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a le&amp;tter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a letter to the person (shows the identity; a reason is asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case su&amp;mmary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a case summary as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage and status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deadline pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 by %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearAndQuarter</name>
    <message>
        <source>Financial year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April to June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July to September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October to December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>January to March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Correcting</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect it: it was recorded wrongly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with the record&apos;s history and shown on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why (it is kept with the record&apos;s history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change something to correct it, or choose to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <source>New entry for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected entry from: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is on the list already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>area</name>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving? What you typed will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where the %1 is kept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Casebook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
