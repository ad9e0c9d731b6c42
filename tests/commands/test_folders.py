"""What a folder's name and its neighbours' names say when init reads a layout (folders.py)."""
from radar.commands.folders import declared_plugin_folders


def test_a_plural_folder_beside_the_interface_or_base_its_plugins_implement_declares_them():
    sources = ["src/Core/Notifications/INotification.cs", "src/Core/Notifications/Discord/Discord.cs",
               "src/Core/Download/IDownloadClient.cs", "src/Core/Download/Clients/Sabnzbd/Sabnzbd.cs",
               "app/handlers/base_handler.py", "app/handlers/mail/handler.py",
               "src/Core/Strategies/AbstractStrategy.java", "src/Core/Strategies/Eager/Eager.java"]
    assert declared_plugin_folders(sources) == {"src/Core/Notifications", "src/Core/Download/Clients",
                                                "app/handlers", "src/Core/Strategies"}


def test_a_folder_is_not_declared_by_a_name_that_merely_contains_its_singular():
    sources = ["src/Core/Services/UserService.cs", "src/Core/Services/Mail/MailService.cs",  # no interface, no base
               "src/Core/Models/IModelBinder.cs", "src/Core/Models/Order.cs",  # an interface of another name
               "lib/ops/iop.py", "lib/ops/add/add.py",  # too short a name to tell a plugin folder by
               "src/Core/Notification/INotification.cs"]  # not named in the plural
    assert declared_plugin_folders(sources) == set()
