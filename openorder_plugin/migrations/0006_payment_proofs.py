"""Transfer proofs (bukti transfer): a buyer's receipt for an installment,
which staff accept (recording its money) or reject. The host's tables come
in through 0001's host dependencies."""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import uuid


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('openorder', '0005_preorder_batches'),
    ]

    operations = [
        migrations.CreateModel(
            name='PaymentProof',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('installment_kind', models.CharField(choices=[('DEPOSIT', 'Deposit'), ('BALANCE', 'Balance')], max_length=20)),
                ('amount', models.DecimalField(decimal_places=3, max_digits=12)),
                ('currency', models.CharField(max_length=3)),
                ('reference', models.CharField(blank=True, default='', max_length=255)),
                ('note', models.CharField(blank=True, default='', max_length=1000)),
                ('storage_name', models.CharField(max_length=255)),
                ('original_name', models.CharField(max_length=255)),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveIntegerField()),
                ('status', models.CharField(choices=[('PENDING', 'Waiting for staff'), ('ACCEPTED', 'Accepted: the money is recorded'), ('REJECTED', 'Rejected')], default='PENDING', max_length=20)),
                ('rejection_reason', models.CharField(blank=True, default='', max_length=500)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='open_order_payment_proofs', to='order.Order')),
                ('payment_record', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='proof', to='openorder.PaymentRecord')),
            ],
            options={
                'ordering': ('created_at', 'pk'),
            },
        ),
        migrations.AddIndex(
            model_name='paymentproof',
            index=models.Index(fields=['status', 'created_at'], name='openorder_p_status_62a5e3_idx'),
        ),
        migrations.AddConstraint(
            model_name='paymentproof',
            constraint=models.CheckConstraint(check=models.Q(amount__gt=0), name='openorder_payment_proof_amount_gt_0'),
        ),
        migrations.AddConstraint(
            model_name='paymentproof',
            constraint=models.CheckConstraint(check=models.Q(models.Q(('decided_at__isnull', True), ('payment_record__isnull', True), ('status', 'PENDING')), models.Q(('decided_at__isnull', False), ('payment_record__isnull', False), ('status', 'ACCEPTED')), models.Q(('decided_at__isnull', False), ('payment_record__isnull', True), ('status', 'REJECTED'), models.Q(_negated=True, rejection_reason='')), _connector='OR'), name='openorder_payment_proof_decision'),
        ),
    ]
