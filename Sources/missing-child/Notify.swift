import SafeguardCore
import SafeguardCLI

let notifyCommand = eventCommand(
    name: "notify", summary: "Record an agency told of a child's missing episode (a missing-notification record).",
    usage: "--child ID --agency police|home-office|missing-people --at DATETIME [--append FILE]",
    details: """
    For a child with a trafficking concern, each episode's notify list (the police and the Home \
    Office; Missing People too when the child may have been moved) is told, and each telling is \
    recorded (SOLACE L419, L421). It counts for the child's latest episode that began before --at. \
    The police are also told by 'start --reported-to-police'. 'report' names each agency not told.
    """,
    fields: [EventFlag.agency, EventFlag.told]
) { form, child in
    Draft(MissingNotification(id: try form.context.recordID(prefix: "mn"), child: child,
                              agency: try form.choose(EventFlag.agency, "Agency told"),
                              at: try form.required(EventFlag.told, "Told at", hint: dateTimeHint)).json)
}
