from django.core.management.base import BaseCommand

from apps.system.demo import demo_logins, demo_password, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (đơn vị, cơ quan, người dùng, kế hoạch mẫu). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        self.stdout.write("Nạp dữ liệu mẫu:")
        load_demo(log=self.stdout.write)
        self.stdout.write(f"Tài khoản mẫu (mật khẩu: {demo_password()}):")
        for username, description in demo_logins():
            self.stdout.write(f"  {username:24} {description}")
